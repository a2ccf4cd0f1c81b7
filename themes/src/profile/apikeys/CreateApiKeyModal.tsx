import { CreateApiKeyForm, type CreateApiKeyProps } from "./CreateApiKeyForm";
import { ShowKeyOnce } from "./ShowKeyOnce";

/** Create a key, then show it once. */
export const CreateApiKeyModal = ({ onCreated, onClose, ...form }: CreateApiKeyProps) => (
  <ShowKeyOnce
    form={(minted) => <CreateApiKeyForm {...form} onCreated={minted} onClose={onClose} />}
    onMinted={onCreated}
    onClose={onClose}
  />
);
