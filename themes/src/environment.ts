import type { AccountEnvironment } from "@keycloak/keycloak-account-ui";

// Same as getInjectedEnvironment() of @keycloak/keycloak-ui-shared. That package is not imported
// directly: the account-ui bundle carries its own copy, and a second copy would have its own
// React contexts (useEnvironment would find no provider).
function readInjectedEnvironment(): AccountEnvironment {
  const text = document.getElementById("environment")?.textContent;
  if (!text) {
    throw new Error("Environment variables not found in the document.");
  }
  return JSON.parse(text) as AccountEnvironment;
}

export const environment = readInjectedEnvironment();
