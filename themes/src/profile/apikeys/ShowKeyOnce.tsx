import { useState, type ReactNode } from "react";

import type { CreatedApiKey } from "../../api/apiKeys";
import { NewKeyDialog } from "./NewKeyDialog";

type Props = {
  /** The dialog that mints the key (create or rotate); it calls `minted` with the server's answer. */
  form: (minted: (created: CreatedApiKey) => void) => ReactNode;
  onMinted?: (created: CreatedApiKey) => void;
  onClose: () => void;
};

/** A dialog that mints a key, then the key shown this once in its place. */
export const ShowKeyOnce = ({ form, onMinted, onClose }: Props) => {
  const [created, setCreated] = useState<CreatedApiKey>();
  return created ? (
    <NewKeyDialog created={created} onClose={onClose} />
  ) : (
    form((key) => {
      setCreated(key);
      onMinted?.(key);
    })
  );
};
