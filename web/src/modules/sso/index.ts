// Single sign-on: the organization's OpenID Connect provider settings.
export { SsoSettingsPage } from './pages/SsoSettingsPage';
