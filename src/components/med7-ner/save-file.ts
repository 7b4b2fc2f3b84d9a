/**
 * Saves `content` as a download named `filename`, from memory (nothing leaves the page).
 * The object URL is freed a minute later, not at once: some browsers (older Firefox and Safari)
 * cancel a download whose URL is revoked while it is still starting.
 */
export function saveFile(content: string, type: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
