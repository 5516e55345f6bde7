// The signed-in user's own account: password, sessions, API tokens.
export { ChangePasswordForm } from './ChangePasswordForm';
export { PasswordPage } from './PasswordPage';
export { SessionsPage } from './SessionsPage';
export { TokensPage } from './TokensPage';
export { MfaPage } from './MfaPage'; // two-step verification (issue 16)
export { ChoosePasswordPage } from './ChoosePasswordPage';
