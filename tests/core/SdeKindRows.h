#pragma once
// Data rows over SDE kinds for data-driven Qt tests: one column "kind", one row per SDE.
#include "core/sde/SdeFactory.h"

#include <QtTest/QtTest>

#include <initializer_list>

Q_DECLARE_METATYPE(scorescope::SdeKind)

namespace scorescope::testing {

inline void addSdeKindRows(std::initializer_list<SdeKind> kinds = {SdeKind::VE, SdeKind::VP, SdeKind::SubVP})
{
    QTest::addColumn<SdeKind>("kind");
    for (const auto kind : kinds)
        QTest::newRow(sdeKindName(kind).c_str()) << kind;
}

inline void addAllSdeKindRows() { addSdeKindRows({SdeKind::VE, SdeKind::VP, SdeKind::SubVP, SdeKind::EDM}); }

} // namespace scorescope::testing
