import { createInstance, type LanguageDetectorModule } from "i18next";
import FetchBackend from "i18next-fetch-backend";
import { initReactI18next } from "react-i18next";

import { environment } from "./environment";

type KeyValue = { key: string; value: string };

const languageDetector: LanguageDetectorModule = {
  type: "languageDetector",
  detect: () => environment.locale,
};

// Keycloak serves the theme's messages (ours merged over keycloak.v3's) as [{key, value}].
export const i18n = createInstance({
  fallbackLng: "en",
  nsSeparator: false,
  interpolation: { escapeValue: false },
  backend: {
    loadPath: `${environment.serverBaseUrl}/resources/${environment.realm}/account/{{lng}}`,
    parse: (data: string) =>
      Object.fromEntries(
        (JSON.parse(data) as KeyValue[]).map(({ key, value }) => [key, value]),
      ),
  },
});

i18n.use(FetchBackend);
i18n.use(languageDetector);
i18n.use(initReactI18next);
