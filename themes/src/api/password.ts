import { request, type ApiContext } from "./request";

export type PasswordChange = {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
  logoutOtherSessions: boolean;
};

export const changePassword = (context: ApiContext, change: PasswordChange) =>
  request<void>("/me/password", { context, method: "POST", body: change });
