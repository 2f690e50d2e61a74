#include "words.hpp"

#include "text_width.hpp"

namespace dhcode {
namespace {

constexpr Words kEnglish{
    .message = "Message",
    .request_id = "RequestId",
    .time = "Time",
    .action = "Action",
    .category = "Category",
    .retry = "Retry",
    .status = "Status",
    .earlier = "Earlier",
    .source = "Source",
    .runbook = "Runbook",
    .note = "Note",
    .overlay = "Overlay",
    .check = "Check",
    .did_you_mean = "Similar",
    .from = "From",
    .range = "Range",
    .meaning = "Meaning",
    .not_documented = "not documented",
    .not_in_registry = "not in the registry",
    .no_range = "no documented range holds this code",
    .retry_not_needed = "not needed (the request succeeded)",
    .yes = "yes",
    .yes_tail = ", a later retry of the same request can succeed",
    .no = "no",
    .no_tail = ", the same request fails again until something is changed",
    .retry_not_documented = "not documented (scripts see it as not retryable)",
    .grouping = " (dhcode's grouping of the documented codes)",
    .status_meanings = {"current (listed on the current return-code page)",
                        "gateway (a common code of all ZEGO server APIs)",
                        "legacy (no longer listed; only on the earlier Digital Human PaaS page)",
                        "team (added by a team registry overlay, not by ZEGOCLOUD)"},
    .code_heading = "code",
    .category_heading = "category",
    .retry_heading = "retry",
    .status_heading = "status",
    .description_heading = "description",
    .count_heading = "count",
    .share_heading = "share",
    .first_seen_heading = "first seen",
    .last_seen_heading = "last seen",
    .retry_yes_cell = "yes",
    .retry_no_cell = "no",
    .retry_undocumented_cell = "n/d",
    .legacy_mark = " [legacy]",
    .not_in_registry_range = "not in the registry ({}: {}, dhcode's grouping)",
    .overlay_mark = " [overlay: {}]",
    .other_codes = "codes beyond the first {} different ones",
    .stats_totals =
        "responses: {} (successes {}, errors {})  unreadable records: {}  passed over: {}",
    .passed_over_mentioning_code = " ({} mentioning Code)",
    .no_problem = "no problem found; the Signature {}",
    .signature_matches = "matches the secret",
    .one_problem = "1 problem; the most likely answer is {}",
    .problems = "{} problems; the most likely answer is {}",
    .why = "Why",
    .signature = "Signature",
};

// Written for dhcode (the pages have no such labels); the terms follow the
// Chinese return-code pages: 返回码, 说明, 处理建议.
constexpr Words kChinese{
    .message = "消息",
    .request_id = "请求 ID",
    .time = "时间",
    .action = "处理建议",
    .category = "类别",
    .retry = "重试",
    .status = "状态",
    .earlier = "早期页面",
    .source = "来源",
    .runbook = "处置手册",
    .note = "备注",
    .overlay = "覆盖文件",
    .check = "检查",
    .did_you_mean = "相近",
    .from = "位置",
    .range = "号段",
    .meaning = "含义",
    .not_documented = "文档未说明",
    .not_in_registry = "不在码表中",
    .no_range = "没有文档记载的号段包含此返回码",
    .retry_not_needed = "无需重试（请求已成功）",
    .yes = "是",
    .yes_tail = "，稍后重试同一请求可能成功",
    .no = "否",
    .no_tail = "，不做改动的同一请求会再次失败",
    .retry_not_documented = "文档未说明（脚本按不可重试处理）",
    .grouping = "（dhcode 对已记载返回码的分组）",
    .status_meanings = {"current（列于当前的返回码页面）",
                        "gateway（ZEGO 所有服务端 API 共用的公共返回码）",
                        "legacy（已不再列出，仅见于早期的数字人 PaaS 页面）",
                        "team（由团队的码表覆盖文件添加，并非 ZEGOCLOUD 提供）"},
    .code_heading = "返回码",
    .category_heading = "类别",
    .retry_heading = "重试",
    .status_heading = "状态",
    .description_heading = "说明",
    .count_heading = "次数",
    .share_heading = "占比",
    .first_seen_heading = "首次出现",
    .last_seen_heading = "最后出现",
    .retry_yes_cell = "是",
    .retry_no_cell = "否",
    .retry_undocumented_cell = "未载",
    .legacy_mark = " [旧版]",
    .not_in_registry_range = "不在码表中（{}：{}，dhcode 的分组）",
    .overlay_mark = " [覆盖文件：{}]",
    .other_codes = "前 {} 种之外的其他返回码",
    .stats_totals = "响应：{}（成功 {}，错误 {}）  无法读取的记录：{}  跳过：{}",
    .passed_over_mentioning_code = "（其中 {} 行提到 Code）",
    .no_problem = "未发现问题；签名{}",
    .signature_matches = "与密钥相符",
    .one_problem = "1 个问题；最可能的返回码是 {}",
    .problems = "{} 个问题；最可能的返回码是 {}",
    .why = "原因",
    .signature = "签名",
};

}  // namespace

const Words& words_for(Language language) {
  return language == Language::zh ? kChinese : kEnglish;
}

std::string label_cell(std::string_view label, Language language) {
  return padded(fmt::format("{}{}", label, language == Language::zh ? "：" : ":"), 10);
}

}  // namespace dhcode
