/* Programs mark where their own work begins, so that golden files skip the
 * dynamic loader, which differs between machines. */
#include <unistd.h>
#define BEGIN() access("/sctrace-test/begin", F_OK)
