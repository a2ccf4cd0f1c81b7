import { routes as stockRoutes } from "@keycloak/keycloak-account-ui";
import type { RouteObject } from "react-router-dom";

import { environment } from "./environment";
import { ProfilePage } from "./profile/ProfilePage";
import { Root } from "./Root";

/** Where the stock Personal info page moves to, since Profile takes the console's start page. */
export const PERSONAL_INFO_PATH = "personal-info";

// The stock routes, with the stock index (Personal info) moved to its own path (content.json agrees).
const stockChildren: RouteObject[] = stockRoutes.map((route) =>
  route.index
    ? { path: PERSONAL_INFO_PATH, element: route.element }
    : route,
);

export const routes: RouteObject[] = [
  {
    path: decodeURIComponent(new URL(environment.baseUrl).pathname),
    element: <Root />,
    children: [{ index: true, element: <ProfilePage /> }, ...stockChildren],
  },
];
