import type { ApiKey, CreatedApiKey } from "../../api/apiKeys";

// What the rotate dialog offers and how the list shows a rotated key. The server takes any grace from 0 to the
// realm's maximum rotation grace (/info's maxRotationGraceSeconds, 7 days by default); the dialog offers a few
// round periods within it.

/** Grace periods offered, in seconds, with their message keys: at once, 1 hour, 1 day, 7 days. */
export const GRACE_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: "latchkeyRotateGraceNone" },
  { seconds: 3600, label: "latchkeyRotateGraceHour" },
  { seconds: 86400, label: "latchkeyRotateGraceDay" },
  { seconds: 604800, label: "latchkeyRotateGraceWeek" },
];

/** The grace chosen before anything else: an hour lets a job switch over without an outage. */
export const DEFAULT_GRACE_SECONDS = 3600;

/** The choices within the realm's maximum (all of them when the server does not say); "at once" always. */
export const graceChoices = (maxSeconds?: number) =>
  GRACE_CHOICES.filter((choice) => maxSeconds === undefined || choice.seconds <= maxSeconds);

/** The default where it is offered, else the longest choice below it. */
export const defaultGrace = (maxSeconds?: number) =>
  Math.max(
    ...graceChoices(maxSeconds)
      .map((choice) => choice.seconds)
      .filter((seconds) => seconds <= DEFAULT_GRACE_SECONDS),
  );

export type KeyState = "active" | "replaced" | "expired" | "revoked";

/**
 * A key as the list shows it: `replaced` while a rotated key still works (until `expiresAt`, its grace end),
 * `expired` once it does not, whether it was rotated or not; `revoked` when it was killed without its owner
 * (reported as leaked, or unused too long), until the cleanup deletes it.
 */
export const keyState = (key: Pick<ApiKey, "status" | "replacedBy">): KeyState =>
  key.status === "revoked" ? "revoked" : key.status !== "active" ? "expired" : key.replacedBy ? "replaced" : "active";

/** Only an active key that has not been rotated yet can be (the server refuses the others with 400). */
export const canRotate = (key: Pick<ApiKey, "status" | "replacedBy">) => keyState(key) === "active";

/**
 * The list after a rotation as far as the browser can tell without asking again: the new key first (without its
 * secret), the old one replaced and working until now + the grace (never later than it would have).
 */
export function afterRotation(keys: ApiKey[], oldId: string, created: CreatedApiKey, graceSeconds: number, now = Date.now()): ApiKey[] {
  const { key: _secret, ...listed } = created;
  const graceEnd = now + graceSeconds * 1000;
  return [
    listed,
    ...keys
      .filter((key) => key.id !== created.id)
      .map((key) => {
        if (key.id !== oldId) return key;
        const expiresAt = Math.min(Date.parse(key.expiresAt), graceEnd);
        return {
          ...key,
          replacedBy: created.id,
          expiresAt: new Date(expiresAt).toISOString(),
          status: expiresAt > now ? ("active" as const) : ("expired" as const),
        };
      }),
  ];
}
