import { useEffect } from 'react';
import { useLatest } from './useLatest';

interface ScanInputs {
  onImage: (image: Blob) => void;
  onText: (text: string) => void;
}

/** While mounted, an image dropped anywhere on the window, or pasted (Ctrl/Cmd+V), is scanned; pasted text too, unless it goes into a text field. */
export function useScanInputs(inputs: ScanInputs): void {
  const latest = useLatest(inputs);
  useEffect(() => {
    const imageOf = (list: DataTransfer | null): File | undefined =>
      Array.from(list?.files ?? []).find((f) => f.type.startsWith('image/'));
    const onDragOver = (e: DragEvent) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      const image = imageOf(e.dataTransfer);
      if (image) latest.current.onImage(image);
    };
    const onPaste = (e: ClipboardEvent) => {
      // Text pasted into a text field (a key typed by hand) keeps its normal meaning.
      const image = imageOf(e.clipboardData);
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const field = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (!image && (text.trim() === '' || field)) return;
      e.preventDefault();
      if (image) latest.current.onImage(image);
      else latest.current.onText(text);
    };
    document.addEventListener('dragover', onDragOver);
    document.addEventListener('drop', onDrop);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('dragover', onDragOver);
      document.removeEventListener('drop', onDrop);
      document.removeEventListener('paste', onPaste);
    };
  }, [latest]);
}
