import { buttonClasses } from "./button";

export type ExportFormat = "csv" | "jsonl";

/** "Export CSV" and "Export JSONL" of a filtered list: plain links, so the browser downloads what the API's Content-Disposition names. */
export function ExportLinks({ href }: { href: (format: ExportFormat) => string }) {
  return (
    <>
      <a href={href("csv")} className={buttonClasses()} download>
        Export CSV
      </a>
      <a href={href("jsonl")} className={buttonClasses()} download>
        Export JSONL
      </a>
    </>
  );
}
