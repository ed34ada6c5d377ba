/** A button that opens a file; the same file can be chosen again right after. */
export function FileButton({
  label,
  onFile,
  accept = 'application/json,.json',
}: {
  label: string;
  onFile: (file: File) => void;
  accept?: string;
}) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
