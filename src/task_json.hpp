// Reading what a record says about tasks (task_status.hpp) out of parsed
// JSON: a callback's payload, and the statuses in a response's Data.
#pragma once

#include <simdjson.h>

#include <string>
#include <vector>

#include "task_status.hpp"

namespace dhcode {

// Reads a callback (an object with EventType and Detail: receiving-callback) into report (its other
// fields left empty); false, with why, when it cannot be read: EventType or Status not a whole
// number, Detail not an object, a documented EventType without Status.
bool read_callback(simdjson::dom::object object, TaskReport& report, std::string& why);

// The statuses a response's Data holds, added to reports: Data.Status of
// GetDigitalHumanStreamTaskStatus (beside its RoomId or StreamId), and
// each entry of Data.TaskList and Data.DriveList. Other Data is left alone.
void read_statuses(simdjson::dom::element data, std::vector<TaskReport>& reports);

}  // namespace dhcode
