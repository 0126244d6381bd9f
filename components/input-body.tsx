/** An input's full text as paragraphs (blank lines separate them), in its own language and direction. */
export function InputBody({ text, language }: { text: string; language: string }) {
  return (
    <div dir="auto" lang={language === "other" ? undefined : language}>
      {text.split(/\n\s*\n/).map((p, i) => (
        <p key={i} className="mt-2 whitespace-pre-line">
          {p}
        </p>
      ))}
    </div>
  );
}
