// What app/ and other modules may use of the monitoring module.
export { AiSystemMonitoringCard } from './components/AiSystemMonitoringCard';
export { EditMetricPage } from './pages/EditMetricPage';
export { MetricPage } from './pages/MetricPage';
export { MonitoringPage } from './pages/MonitoringPage';
export { NewMetricPage } from './pages/NewMetricPage';
