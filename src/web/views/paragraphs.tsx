// Petition text as paragraphs: blank lines separate them; everything is escaped by JSX.

export function Paragraphs({ text }: { text: string }) {
  const parts = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return (
    <>
      {parts.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}
