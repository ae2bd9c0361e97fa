/* concord-core.h — everything of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "concord-error.h"
#include "concord-types.h"
#include "concord-clock.h"
#include "concord-stage.h"
#include "concord-calendar.h"
#include "concord-case.h"
#include "concord-session.h"
#include "concord-money.h"
#include "concord-statute.h"
#include "concord-template.h"
#include "concord-agreement.h"
#include "concord-review.h"
#include "concord-linebreak.h"
#include "concord-pdf-font.h"
#include "concord-pdf.h"
#include "concord-signature.h"
#include "concord-case-summary.h"
#include "concord-validate.h"
#include "concord-case-number.h"
#include "concord-search-text.h"
#include "concord-store.h"
#include "concord-document.h"
#include "concord-case-list.h"
#include "concord-context.h"
#include "concord-demo.h"
