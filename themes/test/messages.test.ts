import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const MESSAGES_DIR = "theme-resources/theme/latchkey/account/messages";
const LANGUAGES = ["en", "fr", "de", "es"];

/** Keys of a Java .properties file (key=value lines; comments and continuations handled). */
function readProperties(path: string): Map<string, string> {
  const entries = new Map<string, string>();
  const lines = readFileSync(path, "utf8").split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].trimStart();
    if (line === "" || line.startsWith("#") || line.startsWith("!")) continue;
    while (line.endsWith("\\") && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].trimStart();
    }
    const separator = line.search(/[=:]/);
    const key = (separator < 0 ? line : line.slice(0, separator)).trim();
    const value = separator < 0 ? "" : line.slice(separator + 1).trim();
    if (entries.has(key)) throw new Error(`${path}: duplicate key ${key}`);
    entries.set(key, value);
  }
  return entries;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

const bundles = new Map(
  LANGUAGES.map((lang) => [lang, readProperties(join(MESSAGES_DIR, `messages_${lang}.properties`))]),
);
const english = bundles.get("en")!;

describe("theme messages", () => {
  it.each(LANGUAGES.filter((lang) => lang !== "en"))(
    "messages_%s.properties has exactly the keys of messages_en.properties",
    (lang) => {
      const keys = [...bundles.get(lang)!.keys()].sort();
      expect(keys).toEqual([...english.keys()].sort());
    },
  );

  it.each(LANGUAGES)("messages_%s.properties has no empty value", (lang) => {
    const empty = [...bundles.get(lang)!].filter(([, value]) => value === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it("every latchkey message key used in src/ is defined", () => {
    const used = new Set<string>();
    for (const file of sourceFiles("src")) {
      for (const match of readFileSync(file, "utf8").matchAll(/["'`](latchkey[A-Z][A-Za-z0-9]*)["'`]/g)) {
        used.add(match[1]);
      }
    }
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});
