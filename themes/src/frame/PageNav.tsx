import { useEnvironment, usePromise, type AccountEnvironment, type Feature } from "@keycloak/keycloak-account-ui";
import { Nav, NavExpandable, NavItem, NavList, PageSidebar, PageSidebarBody } from "@patternfly/react-core";
import { useState, type MouseEvent as ReactMouseEvent, type PropsWithChildren } from "react";
import { useTranslation } from "react-i18next";
import { matchPath, useHref, useLinkClickHandler, useLocation } from "react-router-dom";

// The stock console's navigation (content.json of the theme, entries hidden by feature flags), built on this
// bundle's PatternFly so the sidebar follows the Page of Root.tsx (see there).

type MenuItem = {
  label: string;
  isVisible?: keyof Feature;
} & ({ path: string } | { children: MenuItem[] });

async function fetchMenu(resourceUrl: string, signal: AbortSignal): Promise<MenuItem[]> {
  const response = await fetch(`${resourceUrl.replace(/\/$/, "")}/content.json`, { signal });
  return response.json();
}

export const PageNav = () => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const [menu, setMenu] = useState<MenuItem[]>([]);
  usePromise((signal) => fetchMenu(environment.resourceUrl, signal), setMenu);
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav>
          <NavList>
            <MenuItems items={menu} />
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

const MenuItems = ({ items }: { items: MenuItem[] }) => {
  const { environment } = useEnvironment<AccountEnvironment>();
  return items
    .filter((item) => !item.isVisible || environment.features[item.isVisible])
    .map((item) => <MenuEntry key={item.label} item={item} />);
};

const MenuEntry = ({ item }: { item: MenuItem }) => {
  const { t } = useTranslation();
  const { environment } = useEnvironment<AccountEnvironment>();
  const { pathname } = useLocation();
  const isActive = isCurrent(pathname, item, environment.baseUrl);
  if ("path" in item) {
    return (
      <NavLink path={item.path} isActive={isActive}>
        {t(item.label)}
      </NavLink>
    );
  }
  return (
    <NavExpandable data-testid={item.label} title={t(item.label)} isActive={isActive} isExpanded={isActive}>
      <MenuItems items={item.children} />
    </NavExpandable>
  );
};

const fullPath = (path: string, baseUrl: string) => `${new URL(baseUrl).pathname}${path}`;

function isCurrent(pathname: string, item: MenuItem, baseUrl: string): boolean {
  return "path" in item
    ? matchPath(fullPath(item.path, baseUrl), pathname) !== null
    : item.children.some((child) => isCurrent(pathname, child, baseUrl));
}

const NavLink = ({ path, isActive, children }: PropsWithChildren<{ path: string; isActive: boolean }>) => {
  const { environment } = useEnvironment<AccountEnvironment>();
  const to = fullPath(path, environment.baseUrl) + location.search;
  const href = useHref(to);
  const navigate = useLinkClickHandler(to);
  return (
    <NavItem
      data-testid={path}
      to={href}
      isActive={isActive}
      // PatternFly types the click as a generic event; it is the anchor's
      onClick={(event) => navigate(event as unknown as ReactMouseEvent<HTMLAnchorElement>)}
    >
      {children}
    </NavItem>
  );
};
