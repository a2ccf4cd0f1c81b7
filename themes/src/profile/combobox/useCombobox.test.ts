import { describe, expect, it } from "vitest";

import { nextOption } from "./useCombobox";

describe("combobox arrow keys", () => {
  it.each([
    [-1, 1, 5, 0],
    [-1, -1, 5, 4],
    [0, 1, 5, 1],
    [4, 1, 5, 0],
    [0, -1, 5, 4],
    [2, -1, 5, 1],
    [-1, 1, 0, -1],
    [3, 1, 0, -1],
  ] as const)("given option %i, step %i among %i, then option %i", (current, step, count, next) => {
    expect(nextOption(current, step, count)).toBe(next);
  });
});
