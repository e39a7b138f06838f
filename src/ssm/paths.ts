/** Where the well-known publishers keep their SSM public parameters: `ami-find ssm` lists these, and shells complete them. */
export const SSM_PATHS = [
  { path: '/aws/service/ami-amazon-linux-latest', publishes: 'Amazon Linux 2023 and 2 (Amazon)' },
  { path: '/aws/service/ami-windows-latest', publishes: 'Windows Server (Amazon)' },
  { path: '/aws/service/canonical/ubuntu/server', publishes: 'Ubuntu Server (Canonical)' },
  { path: '/aws/service/canonical/ubuntu/server-minimal', publishes: 'Ubuntu Server minimal (Canonical)' },
  { path: '/aws/service/debian/release', publishes: 'Debian (Debian)' },
  { path: '/aws/service/redhat/rhel', publishes: 'Red Hat Enterprise Linux (Red Hat)' },
  { path: '/aws/service/suse/sles', publishes: 'SUSE Linux Enterprise Server (SUSE)' },
  { path: '/aws/service/freebsd', publishes: 'FreeBSD (FreeBSD)' },
  { path: '/aws/service/ecs/optimized-ami', publishes: 'ECS-optimized AMIs (Amazon)' },
  { path: '/aws/service/eks/optimized-ami', publishes: 'EKS-optimized AMIs (Amazon)' },
  { path: '/aws/service/bottlerocket', publishes: 'Bottlerocket (Amazon)' },
] as const;
