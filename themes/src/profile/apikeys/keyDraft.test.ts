import { describe, expect, it } from "vitest";

import { DRAFT_MAX_AGE_MS, draftKey, dropDraft, readDraft, saveDraft } from "./keyDraft";

/** sessionStorage's contract, in memory. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const draft = {
  name: "ci",
  description: "nightly build",
  expiresAt: "2027-01-31",
  roles: ["ops", "inventory/reader"],
  organization: "acme",
};

describe("key draft", () => {
  it("given a draft saved for a realm and user, then only that realm and user read it back, until dropped", () => {
    const storage = new MemoryStorage();
    const key = draftKey("demo", "user-1");
    saveDraft(storage, key, draft, 1_000);
    expect(readDraft(storage, key, 2_000)).toEqual(draft);
    expect(readDraft(storage, draftKey("demo", "user-2"), 2_000)).toBeUndefined();
    expect(readDraft(storage, draftKey("other", "user-1"), 2_000)).toBeUndefined();
    dropDraft(storage, key);
    expect(readDraft(storage, key, 2_000)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it("given 'all my permissions' and no organization, then they come back as left out", () => {
    const storage = new MemoryStorage();
    saveDraft(storage, "k", { name: "ci", description: "", expiresAt: "2027-01-31" }, 0);
    expect(readDraft(storage, "k", 0)).toEqual({
      name: "ci",
      description: "",
      expiresAt: "2027-01-31",
      roles: undefined,
      organization: undefined,
    });
  });

  it("given an old, future-dated or damaged entry, then there is no draft", () => {
    const storage = new MemoryStorage();
    saveDraft(storage, "k", draft, 0);
    expect(readDraft(storage, "k", DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(readDraft(storage, "k", -1)).toBeUndefined();
    storage.setItem("k", "{not json");
    expect(readDraft(storage, "k", 0)).toBeUndefined();
    storage.setItem("k", JSON.stringify({ name: "ci" }));
    expect(readDraft(storage, "k", 0)).toBeUndefined();
  });

  it("given an object with more than the form's fields (a created key), then stores the form's fields only", () => {
    const storage = new MemoryStorage();
    saveDraft(storage, "k", { ...draft, key: "lk_secret" } as typeof draft, 0);
    expect(storage.getItem("k")).not.toContain("lk_secret");
    expect(readDraft(storage, "k", 0)).toEqual(draft);
  });

  it("given a rotation's draft, then the key and grace come back; a damaged rotation is dropped, the rest kept", () => {
    const storage = new MemoryStorage();
    const rotation = { name: "ci", description: "", expiresAt: "2027-01-31", rotate: { id: "key-1", graceSeconds: 3600 } };
    saveDraft(storage, "k", rotation, 0);
    expect(readDraft(storage, "k", 0)).toEqual(rotation);
    storage.setItem("k", JSON.stringify({ ...rotation, rotate: { id: 7, graceSeconds: "1h" }, savedAt: 0 }));
    expect(readDraft(storage, "k", 0)).toEqual({ name: "ci", description: "", expiresAt: "2027-01-31" });
  });
});
