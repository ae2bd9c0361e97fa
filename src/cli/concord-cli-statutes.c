/* placeholder: being written */
#include "config.h"
#include "concord-cli-private.h"
int
cmd_statutes (Cli *cli, int argc, char **argv)
{
  return failure ("statutes: not built yet");
}
