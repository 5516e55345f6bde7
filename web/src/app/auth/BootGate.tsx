import { Alert, Center } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../../shared/problem';
import { FullPageLoader } from '../layout/FullPageLoader';
import { useSetupNeeded } from './session';

/** Before anything else: a fresh install goes to first-run setup (SetupPage leaves it once done). */
export function BootGate() {
  const setup = useSetupNeeded();
  const location = useLocation();
  if (setup.isPending) return <FullPageLoader />;
  if (setup.isError) {
    return (
      <Center h="100vh" p="md">
        <Alert color="red" title="OpenAIMS is not reachable" role="alert" maw={480}>
          {errorMessage(setup.error)}
        </Alert>
      </Center>
    );
  }
  if (setup.data.needed && location.pathname !== '/setup') return <Navigate to="/setup" replace />;
  return <Outlet />;
}
