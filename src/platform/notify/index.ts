// In-app notifications and email.
export { createMailer, type Mailer, type MailMessage, type MailSettings } from './mailer.js';
export {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationItem,
  type NotifyInput,
  notify,
  notifyMany,
} from './notify.js';
export { sendPendingEmails } from './outbox.js';
export { notificationRoutes } from './notify.routes.js';
