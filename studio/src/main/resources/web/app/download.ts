/**
 * Saves an answer's body as a file while counting what has arrived, so that a long export shows progress; the file name is
 * the one Content-Disposition gives, else the fallback.
 */
export async function saveWithProgress(response: Response, fallback: string, progress: (bytes: number) => void): Promise<number> {
  const reader = response.body?.getReader();
  const chunks: BlobPart[] = [];
  let bytes = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    bytes += value.byteLength;
    progress(bytes);
  }
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
  return bytes;
}
