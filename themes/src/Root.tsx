import { Page, Spinner } from "@patternfly/react-core";
import { Suspense } from "react";
import { Outlet } from "react-router-dom";

import { Header } from "./frame/Header";
import { PageNav } from "./frame/PageNav";

/**
 * The stock console's frame: masthead, the nav from content.json, and the routed page.
 *
 * Page, its sidebar and the masthead's menu button talk through PatternFly's page context, which only connects
 * components of the same PatternFly copy. The account-ui library bundles a PatternFly of its own (its Header and
 * PageNav read the library's context, which no Page of ours provides: the sidebar stayed open and the menu button
 * did nothing on phones), so all three come from this bundle's copy.
 */
export const Root = () => (
  <Page header={<Header />} sidebar={<PageNav />} isManagedSidebar>
    <Suspense fallback={<Spinner />}>
      <Outlet />
    </Suspense>
  </Page>
);
