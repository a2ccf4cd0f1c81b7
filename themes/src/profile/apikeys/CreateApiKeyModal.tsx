import { useState } from "react";

import type { ApiKeyInfo, CreatedApiKey } from "../../api/apiKeys";
import type { Organization, Role } from "../../api/profile";
import { CreateApiKeyForm } from "./CreateApiKeyForm";
import type { KeyDraft } from "./keyDraft";
import { NewKeyDialog } from "./NewKeyDialog";

type Props = {
  info: ApiKeyInfo;
  /** The user's effective roles and organizations, from the profile the page holds: what a key may be given. */
  roles: Role[];
  organizations: Organization[];
  /** What the user typed before a fresh sign-in, to fill the form with again. */
  draft?: KeyDraft;
  onCreated: (created: CreatedApiKey) => void;
  onClose: () => void;
};

/** Create a key, then show it once. */
export const CreateApiKeyModal = ({ onCreated, onClose, ...form }: Props) => {
  const [created, setCreated] = useState<CreatedApiKey>();
  return created ? (
    <NewKeyDialog created={created} onClose={onClose} />
  ) : (
    <CreateApiKeyForm
      {...form}
      onCreated={(key) => {
        setCreated(key);
        onCreated(key);
      }}
      onClose={onClose}
    />
  );
};
