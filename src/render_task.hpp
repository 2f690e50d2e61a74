// Callbacks and the task statuses of status responses (task_status.hpp) as
// text for people and JSON for scripts, beside the explanations of codes
// (render.hpp). Ids and FailReason are the service's text: made visible.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "language.hpp"
#include "response.hpp"
#include "task_status.hpp"

namespace dhcode {

// A block of lines, e.g.
//   callback  EventType 3: Digital Human video stream task status.
//     Status:    2: Video stream task initialization failed.
//     Reason:    ...
//     TaskId:    ...
std::string render_callback_text(const TaskReport& callback, const Origin& origin, bool color,
                                 Language language);
// One object (docs/json.md, "explain: callbacks").
nlohmann::ordered_json render_callback_json(const TaskReport& callback, const Origin& origin,
                                            Language language);

// One line, as explain --short prints a response's: time, place, what, meaning.
std::string render_callback_short_text(const TaskReport& callback, const Origin& origin, bool color,
                                       Language language);
nlohmann::ordered_json render_callback_short_json(const TaskReport& callback, const Origin& origin,
                                                  Language language);

// The lines a response's task statuses add to its explanation:
//     Task:      3: Streaming. (RoomId r1, StreamId s1)
std::string render_task_lines(const std::vector<TaskReport>& tasks, bool color, Language language);
// The "tasks" array of a response's JSON.
nlohmann::ordered_json render_tasks_json(const std::vector<TaskReport>& tasks, Language language);

// One line about a status, for CI reports and stats: "EventType 4, Status 3:
// Drive failed." (or "... not documented").
std::string describe_status(const TaskReport& report, Language language);

}  // namespace dhcode
