/** A button that opens a JSON file; the same file can be chosen again right after. */
export function FileButton({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  return (
    <label className="file-button">
      {label}
      <input
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
