"""Training pipeline for the med7-compact token-classification model."""
