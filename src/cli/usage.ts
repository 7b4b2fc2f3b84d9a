/** The help texts of the `med7` command and its subcommands. */

export const USAGE = `Usage: med7 <command> [options]

Finds the seven Med7 entities (DRUG, STRENGTH, FORM, ROUTE, DOSAGE, FREQUENCY, DURATION) in text.

Commands:
  annotate   JSON Lines in ({"id", "text", …} per line), the same records out with
             "entities": [[start, end, label], …] (UTF-16 offsets, end exclusive)
  eval       strict and lenient precision, recall and F1 of the model on a gold file;
             with --status, the scores of each drug's status against status gold

Run "med7 <command> --help" for its options.`;

export const ANNOTATE_USAGE = `Usage: med7 annotate [--model DIR] [--input FILE] [--output FILE] [--records] [--fhir] [--jobs N] [--dtype auto|int8|q8|fp32] [--quiet]
       med7 annotate [--input FILE] [--output FILE] [--jobs N] --csv
       med7 annotate --text "…" [--records | --fhir | --csv] [--model DIR]

  --input FILE    JSON Lines to read (default, or "-": standard input)
  --output FILE   where to write the annotated JSON Lines (default, or "-": standard output)
  --text "…"      annotate one string and print a table of its entities
  --records       also group the entities per drug: adds "medications": [{"drug", "strength",
                  "form", "route", "dosage", "frequency", "duration"}, …] to each record (each
                  a span {start, end, text}, or a list of them; "drug" null for a sig without
                  one), each with its "status" (allergy, negated, stopped, held, planned,
                  given, active) and the "cue" span that decided it (null for the default
                  active); with --text, prints a table of medications too
  --fhir          adds "fhir" to each record: its FHIR R4 Bundle (one per input record; an
                  allergy as an AllergyIntolerance, every other drug as a MedicationStatement
                  whose status follows the drug's); with --text, prints the Bundle
  --csv           writes the medications table as CSV instead of JSON Lines: one row per
                  medication, an "id" column (the record's "id", else its line number), then
                  drug, strength, form, route, dosage, frequency, duration, status, cue, start, end
  --model DIR     model folder (default: the package's models/med7-compact)
  --dtype auto|int8|q8|fp32
                  the model file: auto (default) takes the folder's choice (the embedded
                  model: int8, integer products); int8 onnx/model_int8.onnx, q8
                  onnx/model_quantized.onnx (int8 weights, float products), fp32 onnx/model.onnx
  --jobs N        cores to use: N model workers (default: every core this process may use)
  --quiet         no progress bar, no summary line
  -h, --help      this help

Every input line must be a JSON object with a string "text"; its other fields are kept byte for
byte. Records are read, annotated and written in groups, in input order, so memory stays flat
however long the input. A bad line stops the run with its line number and exit status 2: on
standard output the records before it have been written (whole lines), an --output file is left
as it was. See docs/batch.md for archives and many machines.`;

export const EVAL_USAGE = `Usage: med7 eval GOLD.jsonl [--model DIR] [--json] [--dtype auto|int8|q8|fp32] [--quiet]
       med7 eval GOLD.jsonl --predictions PRED.jsonl [--json]

  GOLD.jsonl      records with "text" and gold "entities": [[start, end, label], …] as
                  annotate writes them (UTF-16 offsets, end exclusive, sorted, disjoint,
                  Med7 labels; docs/cli.md in the package); "-" reads them from standard input
  --json          print the scores as JSON instead of a table
  --status        score each drug's status (docs/status.md): GOLD.jsonl records carry
                  "status": [[start, end, status], …]; reports per-status precision, recall,
                  F1, macro-F1 and accuracy on the gold entities, the safety count (gold
                  allergy/negated/stopped drugs exported active or completed), the drugs
                  no cue decided (active by default) by their gold status, and end to
                  end (span and status) on the model's entities (or --predictions')
  --predictions PRED.jsonl
                  score these entities instead of running the model (another system's
                  output, e.g. a rule-based labeller): the same records, line for line,
                  with the same "text" and their own "entities" ("-": standard input)
  --model DIR     model folder (default: the package's models/med7-compact)
  --dtype auto|int8|q8|fp32
                  the model file: auto (default) takes the folder's choice (the embedded
                  model: int8, integer products); int8 onnx/model_int8.onnx, q8
                  onnx/model_quantized.onnx (int8 weights, float products), fp32 onnx/model.onnx
  --jobs N        cores to use (default: every core this process may use)
  --quiet         no progress bar, no summary line
  -h, --help      this help

strict: same start, end and label; lenient: overlapping spans with the same label (one-to-one).`;
