/** Saves text as a file through the browser (a temporary object URL on a download link). */
export function downloadFile({ text, fileName, type = 'application/json' }: { text: string; fileName: string; type?: string }): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
