#include "registry.hpp"

#include <algorithm>
#include <array>

namespace dhcode {
namespace {

using enum Category;
using enum Status;

// clang-format off
// The table. Rows are sorted by code; the build fails otherwise.
//   current: the 20 rows of the Global Return Codes page (2026-03-20), word for word.
//   gateway: the ZEGO common return codes not on that page, word for word.
//   legacy:  the earlier Chinese "Digital Human PaaS" page; English renderings are ours.
// 100000004 and 100000005 are also common gateway codes; the current page's wording wins.
constexpr std::array kEntries = {
  Entry{0, "Success.", "-", success, false, current},
  Entry{100000000, "Incorrect Host in the request header.",
        "Please confirm whether the Host address in the request header is correct.", request, false, gateway},
  Entry{100000001, "Incorrect format of AppId field.",
        "Please fill in the correct AppId.", request, false, gateway},
  Entry{100000002, "Timestamp field is empty.",
        "Please fill in the Timestamp.", signature, false, gateway},
  Entry{100000003, "Incorrect format of Timestamp field.",
        "Please fill in the correct Unix timestamp (in seconds).", signature, false, gateway},
  Entry{100000004, "Signature expired.",
        "Please regenerate the signature.", signature, false, current},
  Entry{100000005, "Signature error.",
        "Please verify that the signature generation parameters are correct.", signature, false, current},
  Entry{100000006, "Action is empty.",
        "Please specify the Action.", request, false, gateway},
  Entry{100000007, "Unsupported Action.",
        "Please fill in the correct Action.", request, false, gateway},
  Entry{100000008, "SignatureNonce field is empty.",
        "Please fill in the SignatureNonce.", signature, false, gateway},
  Entry{100000009, "Signature field is empty.",
        "Please fill in the Signature.", signature, false, gateway},
  Entry{100000010, "Failed to get ServerSecret.",
        "Please confirm whether the AppId is correct.", account, false, gateway},
  Entry{100000011, "Failed to get App configuration.",
        "Please confirm whether the AppId is correct, or contact ZEGOCLOUD technical support for assistance.",
        account, false, gateway},
  Entry{100000012, "Failed to read HTTP packet body.",
        "Please contact ZEGOCLOUD technical support for assistance.", server, false, gateway},
  Entry{100000013, "SignatureVersion field is empty.",
        "Please fill in the SignatureVersion.", signature, false, gateway},
  Entry{100000014, "Unsupported SignatureVersion.",
        "SignatureVersion only supports 2.0.", signature, false, gateway},
  Entry{100000015, "Internal gateway error.",
        "Please contact ZEGOCLOUD technical support for assistance.", server, false, gateway},
  Entry{100000017, "The App has not enabled this service.",
        "Please contact ZEGOCLOUD technical support for assistance.", account, false, gateway},
  Entry{400000001, "Invalid input parameters.",
        "Please adjust the corresponding parameter values based on the Message prompt.", request, false, current},
  Entry{400000002, "Digital Human API service not enabled.",
        "Please contact ZEGOCLOUD Technical Support to enable the permission.", account, false, current,
        "The earlier page named the \"Digital Human PaaS service\"."},
  Entry{400000003, "Digital Human not found.",
        "Please verify that the configured DigitalHumanId is correct.", resource, false, current,
        "The earlier page named the parameter MetaHumanId (today DigitalHumanId)."},
  Entry{400000004, "Timbre not found.",
        "Please verify that the configured TimbreId is correct.", resource, false, current},
  Entry{400000005, "Task not found.",
        "Please verify that the configured TaskId is correct.", resource, false, current},
  Entry{400000006, "Digital Human video stream not started.",
        "Please wait for the Digital Human video stream to start before operating.", stream, true, current},
  Entry{400000007, "Digital Human video stream already stopped.",
        "No need to repeatedly call the stop Digital Human video stream task API.", stream, false, current},
  Entry{400000008, "Digital Human video stream concurrency limit exceeded.",
        "Please verify whether the current concurrency exceeds the limit.", limit, false, current},
  Entry{400000009, "Digital Human video stream does not support the current timbre.",
        "Please use a different timbre.", resource, false, current},
  Entry{400000010, "Digital Human internal configuration error.",
        "You can first use another DigitalHumanId to create a Digital Human video stream task promptly, "
        "then contact ZEGOCLOUD Technical Support to adjust the internal configuration.", resource, false, current,
        "The earlier page named the parameter MetaHumanId (today DigitalHumanId)."},
  Entry{400000011, "AI script (copywriting) generation error.",
        "Adjust the parameter values as the Message says.", content, false, legacy},
  Entry{400000012, "Account in arrears (unpaid balance).",
        "Contact ZEGO technical support to renew.", account, false, legacy},
  Entry{400000013, "Streaming TTS error.",
        "Contact ZEGO technical support.", speech, false, legacy},
  Entry{400000014, "Timbre resource error.",
        "Contact ZEGO technical support.", resource, false, legacy},
  Entry{400000015, "The current stream ID already exists.",
        "Please change the stream ID or end the current stream task.", stream, false, current},
  Entry{400000016, "Digital Human model version error.",
        "Please contact ZEGOCLOUD Technical Support for assistance.", resource, false, current},
  Entry{400000017, "Content failed moderation.",
        "Check the resources: they may contain pornographic, terrorist or similar content.", content, false, legacy},
  Entry{400000018, "Resource resolution error.",
        "Keep each side of an image at most 2560 pixels.", content, false, legacy},
  Entry{400000019, "Resource download error.",
        "Make sure the resource can be downloaded.", content, false, legacy},
  Entry{400000020, "Image resource larger than 200M.",
        "Keep image resources under 200M.", content, false, legacy},
  Entry{400000021, "VideoUrls has fewer than 1 or more than 5 items.",
        "Pass between 1 and 5 items in VideoUrls.", request, false, legacy},
  Entry{400004001, "Invalid parameter; see Message.",
        "Check the parameters.", speech, false, legacy},
  Entry{400004006, "The account's concurrent calls exceed the limit.",
        "Start the recognition again.", speech, true, legacy},
  Entry{400004007, "Audio decoding failed: the uploaded audio format must match the call parameters.",
        "Check the audio data format.", speech, false, legacy},
  Entry{400004008, "The client sent no audio data for more than 15 seconds.",
        "Check that audio is being sent.", speech, false, legacy},
  Entry{400004009, "The client disconnected.",
        "Check whether the client disconnected on purpose.", speech, false, legacy},
  Entry{400004010, "The client uploaded an unknown text message.",
        "Check the audio data format.", speech, false, legacy},
  Entry{400004011, "Recognition failed (high machine load, network jitter); start a new recognition.",
        "Start the recognition again.", speech, true, legacy},
  Entry{400004012, "Speech-to-text (ASR) stream parameter error.",
        "Check the parameters.", speech, false, legacy},
  Entry{400004013, "Speech-to-text (ASR) recognition timed out.",
        "Check that the data is correct and not too long.", speech, false, legacy},
  Entry{400010000, "System error.",
        "Please contact ZEGOCLOUD Technical Support for assistance.", server, false, current},
  Entry{400010001, "No API call permission.",
        "Please contact ZEGOCLOUD Technical Support to enable the permission.", account, false, current},
  Entry{400010002, "System busy.",
        "Please retry later.", server, true, current,
        "The earlier Chinese page gave 资源不足。 / 请稍后重试。 (in dhcode's English: "
        "insufficient resources; retry later)."},
  Entry{400010003, "Insufficient resources (moderation server error).",
        "Contact ZEGO technical support.", server, false, legacy},
  Entry{400010007, "Insufficient resources.",
        "No available nodes. Please contact ZEGOCLOUD Technical Support.", server, false, current},
  Entry{400010009, "API rate limit exceeded.",
        "Please retry later, or check the relevant API documentation for rate limit details.", limit, true, current},
};

// The official Chinese texts of every built-in code, word for word (inline
// code marks such as `DigitalHumanId` are the pages' formatting, left out):
// current codes from the current Chinese page (2026-03-10), gateway codes
// from the common-codes table (2026-07-17), legacy codes from the earlier
// "数字人 PaaS" page, their original. Same codes, same order as kEntries,
// checked at compile time below. Constant data: nothing is built at start-up.
constexpr std::array kChineseTexts = {
  ChineseText{0, "成功。", "-"},
  ChineseText{100000000, "请求头部中的 Host 错误。", "请确认请求头部 Host 地址是否正确。"},
  ChineseText{100000001, "AppId 字段格式错误。", "请填写正确的 AppId。"},
  ChineseText{100000002, "Timestamp 字段为空。", "请填写 Timestamp。"},
  ChineseText{100000003, "Timestamp 字段格式错误。", "请填写正确 Unix 时间戳（单位秒）。"},
  ChineseText{100000004, "签名过期。", "请重新生成签名。"},
  ChineseText{100000005, "签名错误。", "请确认生成签名的参数是否正确。"},
  ChineseText{100000006, "Action 为空。", "请指定 Action。"},
  ChineseText{100000007, "不支持的 Action。", "请填写正确的 Action。"},
  ChineseText{100000008, "SignatureNonce 字段为空。", "请填写 SignatureNonce。"},
  ChineseText{100000009, "Signature 字段为空。", "请填写 Signature。"},
  ChineseText{100000010, "获取 ServerSecret 失败。", "请确认 AppId 是否正确。"},
  ChineseText{100000011, "获取 App 配置失败。", "请确认 AppId 是否正确，或联系 ZEGO 技术支持处理。"},
  ChineseText{100000012, "读取 HTTP 包体失败。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{100000013, "SignatureVersion 字段为空。", "请填写 SignatureVersion。"},
  ChineseText{100000014, "不支持的 SignatureVersion。", "SignatureVersion 仅支持 2.0。"},
  ChineseText{100000015, "网关内部错误。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{100000017, "App 未开通该服务。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{400000001, "输入参数无效。", "请根据 Message 提示，调整对应参数的取值。"},
  ChineseText{400000002, "数字人 API 服务未开通。", "请联系 ZEGO 技术支持开通权限。",
              "“数字人 PaaS 服务未开通。”"},
  ChineseText{400000003, "未找到数字人。", "请确认设置的 DigitalHumanId 是否正确。",
              "“未找到数字人形象。”/“请确认设置的 MetaHumanId 是否正确。”（MetaHumanId 即今天的 DigitalHumanId）"},
  ChineseText{400000004, "未找到音色。", "请确认设置的 TimbreId 是否正确。"},
  ChineseText{400000005, "未找到任务。", "请确认设置的 TaskId 是否正确。"},
  ChineseText{400000006, "数字人视频流未开始。", "请等待数字人视频流开始后再进行操作。"},
  ChineseText{400000007, "数字人视频流已停止。", "无需重复调用停止数字人视频流任务接口。"},
  ChineseText{400000008, "数字人视频流并发数超出限制。", "请确认当前并发数量是否超过上限。"},
  ChineseText{400000009, "数字人视频流不支持当前音色。", "请使用其它音色。"},
  ChineseText{400000010, "数字人内部配置出错。", "可先使用其他 DigitalHumanId 及时创建数字人视频流任务，随后联系 ZEGO 技术支持调整内部配置。",
              "“数字人形象内部配置出错。”/“可先使用其他 MetaHumanId 及时创建数字人视频流任务，随后联系 ZEGO 技术支持调整内部配置。”（MetaHumanId 即今天的 DigitalHumanId）"},
  ChineseText{400000011, "AI 文案生成错误。", "请根据 Message 提示，调整对应参数的取值。"},
  ChineseText{400000012, "欠费。", "请联系 ZEGO 技术支持续费。"},
  ChineseText{400000013, "流式 TTS 错误。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{400000014, "音色资源错误。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{400000015, "当前流 ID 已存在。", "请更换流 ID 或结束当前流任务。"},
  ChineseText{400000016, "数字人模型版本错误。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{400000017, "审核内容不通过。", "请校验相关资源，可能存在涉黄、涉恐等问题。"},
  ChineseText{400000018, "资源分辨率错误。", "请调整资源分辨率，保证图片单边分辨率不超过 2560p。"},
  ChineseText{400000019, "资源下载错误。", "请确认资源可以下载。"},
  ChineseText{400000020, "图片资源超过 200M。", "请保证图片资源不超过 200M。"},
  ChineseText{400000021, "VideoUrls 数组参数小于 1 个或大于 5 个会报错。", "请保证 VideoUrls 数组参数不小于 1 个且不大于 5 个。"},
  ChineseText{400004001, "参数不合法，具体详情参考 Message。", "请确认参数是否正确。"},
  ChineseText{400004006, "账号当前调用并发超出上限。", "请重新发起识别。"},
  ChineseText{400004007, "音频解码失败，请检查上传音频数据格式与调用参数一致。", "请确认音频数据格式是否正确。"},
  ChineseText{400004008, "客户端超过 15 秒未发送音频数据。", "请确认是否有发送数据。"},
  ChineseText{400004009, "客户端连接断开。", "请检查客户端是否正确断开。"},
  ChineseText{400004010, "客户端上传未知文本消息。", "请确认音频数据格式是否正确。"},
  ChineseText{400004011, "因机器负载过高、网络抖动等导致识别失败，请重新发起新识别。", "请重新发起识别。"},
  ChineseText{400004012, "语音转文本（ASR）流参数错误。", "请确认参数是否正确。"},
  ChineseText{400004013, "语音转文本（ASR）识别超时。", "请检查数据是否正确，内容是否过长。"},
  ChineseText{400010000, "系统错误。", "请联系 ZEGO 技术支持处理。"},
  ChineseText{400010001, "未获得接口调用权限。", "请联系 ZEGO 技术支持开通权限。"},
  ChineseText{400010002, "系统繁忙。", "请稍后重试。",
              "“资源不足。”/“请稍后重试。”"},
  ChineseText{400010003, "资源不足。", "审核服务器错误，请联系 ZEGO 技术支持处理。"},
  ChineseText{400010007, "资源不足。", "没有可用节点，请联系 ZEGO 技术支持。"},
  ChineseText{400010009, "接口频率限制。", "请稍后重试，或查看相关接口文档了解调用频率限制。"},
};

constexpr std::array kRanges = {
  Range{100000000, 100000099, "1000000xx",
        "common gateway codes shared by all ZEGO server APIs: request format, AppId, signature",
        "所有 ZEGO 服务端 API 共用的公共网关返回码：请求格式、AppId、签名"},
  Range{400000000, 400000099, "4000000xx", "Digital Human request, resource and stream errors",
        "数字人请求、资源与视频流错误"},
  Range{400004000, 400004099, "4000040xx",
        "speech recognition errors of the earlier Digital Human PaaS page (legacy)",
        "早期数字人 PaaS 页面的语音识别错误（旧码）"},
  Range{400010000, 400010099, "4000100xx", "Digital Human platform errors", "数字人平台错误"},
};

// Indexed by the enums' values.
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
  "success", "request", "signature", "account", "resource",
  "stream", "content", "speech", "limit", "server",
};
constexpr std::array<std::string_view, kStatusCount> kStatusNames = {
  "current", "gateway", "legacy", "team"};
constexpr std::array<std::string_view, kStatusCount> kStatusSources = {
  "Digital Human API, Global Return Codes (2026-03-20)",
  "ZEGO common return codes, shared by all ZEGO server APIs",
  "earlier Digital Human PaaS return-code page (Chinese; English rendering by dhcode)",
  "a team registry overlay",
};
constexpr std::array<std::string_view, kStatusCount> kChineseSources = {
  "数字人 API 全局返回码（中文页面，2026-03-10）",
  "ZEGO 公共返回码（中文页面，2026-07-17）",
  "早期“数字人 PaaS”全局返回码页面（中文原文）",
  "团队的码表覆盖文件",
};

// What to check, code by code, where the facts support it. Sorted by code;
// a code may have several notes. Legacy codes get a note derived from their
// status (see notes_for), not a row here.
constexpr std::string_view kCallingMethods =
  "Digital Human API, API calling methods and signing the request (2026-03-20)";
constexpr std::string_view kCallingMethodsZh =
  "数字人 API，调用方式与签名机制（中文页面，2026-03-10）";
// Advice that is dhcode's own, not a document's.
constexpr std::string_view kDhcodeAdvice = "dhcode's own advice";
constexpr std::string_view kDhcodeAdviceZh = "dhcode 自己的建议";
// The page legacy codes come from, as their note names it.
constexpr std::string_view kEarlierPage =
  "earlier Digital Human PaaS return-code page (docs repository, commit 1263a13b)";
constexpr std::string_view kEarlierPageZh =
  "早期“数字人 PaaS”返回码页面（文档仓库，提交 1263a13b）";
// Facts the reference gives without naming the page they come from.
constexpr std::string_view kReferenceNotes =
  "ZEGOCLOUD documentation as summarised in dhcode's reference notes (no page named)";
// Facts of English pages that have no Chinese counterpart in the reference:
// their Chinese is dhcode's, and the source says so.
constexpr std::string_view kReferenceNotesZh =
  "dhcode 参考资料对 ZEGOCLOUD 文档的摘要（未注明页面；中文为 dhcode 所译）";
constexpr std::string_view kEnvelope =
  "Digital Human API, Global Return Codes (2026-03-20); response envelope";
constexpr std::string_view kEnvelopeZh = "数字人 API 全局返回码（中文页面，2026-03-10）";
constexpr std::string_view kApisOverview = "Digital Human API, APIs overview";
constexpr std::string_view kApisOverviewZh = "数字人 API 接口概览（英文页面；中文为 dhcode 所译）";
constexpr std::array kNotes = {
  Note{100000001, "AppId is a common query parameter of type Uint32.", kCallingMethods,
       "AppId 是公共参数，类型为 Uint32：“AppId，ZEGO 分配的用户唯一凭证。”", kCallingMethodsZh},
  Note{100000001, "Tip: the AppId is the project's number, not its name or its secret.",
       kDhcodeAdvice, "提示：AppId 是项目的编号，不是项目名称，也不是密钥。", kDhcodeAdviceZh},
  Note{100000003, "Timestamp is a Unix timestamp in seconds (Int64), not milliseconds.",
       kCallingMethods, "Timestamp（Int64）：“Unix 时间戳，单位为秒。”不是毫秒。",
       kCallingMethodsZh},
  Note{100000004, "The Timestamp may deviate at most 10 minutes from the server's clock; beyond "
       "that the answer is 100000004.", kCallingMethods,
       "Timestamp “最多允许 10 分钟的误差”；超出则返回 100000004。", kCallingMethodsZh},
  Note{100000004, "Generate a new signature for every request.", kCallingMethods,
       "“每次调用接口都需要生成新的签名。”“生成的签名在 10 分钟内有效，超过时间请重新生成。”",
       kCallingMethodsZh},
  Note{100000004, "Tip: check the clock of the machine that signs (NTP), and that the Timestamp "
       "is in seconds.", kDhcodeAdvice,
       "提示：检查签名所在机器的时钟（NTP），并确认 Timestamp 以秒为单位。", kDhcodeAdviceZh},
  Note{100000004, "Tip: 'dhcode verify URL' checks a request's Timestamp against this "
       "machine's clock, or a logged request's against the time it was sent (--now).",
       kDhcodeAdvice,
       "提示：'dhcode verify URL' 用本机时钟核对请求的 Timestamp；核对日志中的请求时，用 --now "
       "给出它发出的时间。", kDhcodeAdviceZh},
  Note{100000005, "Signature = md5(AppId + SignatureNonce + ServerSecret + Timestamp), as 32 "
       "lower-case hex characters, concatenated in that order.", kCallingMethods,
       "Signature = md5(AppId + SignatureNonce + ServerSecret + Timestamp)；“签名采⽤ hex 编码（⼩写），"
       "⻓度为 32 个字符。”", kCallingMethodsZh},
  Note{100000005, "The SignatureNonce and Timestamp that are signed must be the ones sent in the "
       "request; a wrong ServerSecret, AppId, nonce or order gives 100000005.", kCallingMethods,
       "“计算签名所使用的 SignatureNonce 和 Timestamp 参数取值，需要和公共参数中的 SignatureNonce 和 "
       "Timestamp 参数取值保持一致。”ServerSecret、AppId、随机数或顺序有误都会返回 100000005。",
       kCallingMethodsZh},
  Note{100000005, "Tip: 'dhcode verify URL' with the secret (DHCODE_SERVER_SECRET or "
       "--secret-file) recomputes the Signature and names the common mistake that reproduces "
       "the one sent.", kDhcodeAdvice,
       "提示：带上密钥（DHCODE_SERVER_SECRET 或 --secret-file）运行 'dhcode verify URL'，会重新计算 "
       "Signature，并指出能重现所发签名的常见错误。", kDhcodeAdviceZh},
  Note{100000008, "SignatureNonce is 16 hex characters (8 random bytes).", kCallingMethods,
       "SignatureNonce：“16 位 16 进制随机字符串（8 字节随机数的 hex 编码）。”", kCallingMethodsZh},
  Note{100000014, "SignatureVersion must be \"2.0\".", kCallingMethods,
       "SignatureVersion：“签名版本号”，“必须填写为 2.0”。", kCallingMethodsZh},
  Note{400000001, "The response's Message names the parameter that is invalid.", kEnvelope,
       "“请根据 Message 提示，调整对应参数的取值。”响应的 Message 指出了无效的参数。", kEnvelopeZh},
  Note{400000008, "The concurrency limit is per account and its value is not published.",
       kReferenceNotes, "并发上限按账号计算，其数值未公开。", kReferenceNotesZh},
  Note{400010009, "Every Digital Human API is limited to 10 calls per second.", kApisOverview,
       "每个数字人 API 限制为每秒 10 次调用。", kApisOverviewZh},
  Note{400010009, "Tip: space calls out before retrying.", kDhcodeAdvice,
       "提示：重试前拉开调用间隔。", kDhcodeAdviceZh},
};

// Every source a note may name (the reference dhcode's facts come from);
// a test checks each note against this list.
constexpr std::array kNoteSources = {
  kCallingMethods, kDhcodeAdvice, kReferenceNotes, kEnvelope, kApisOverview, kEarlierPage,
  kCallingMethodsZh, kDhcodeAdviceZh, kReferenceNotesZh, kEnvelopeZh, kApisOverviewZh,
  kEarlierPageZh,
};
// clang-format on

constexpr bool sorted_without_duplicates() {
  for (std::size_t i = 1; i < kEntries.size(); ++i)
    if (kEntries[i - 1].code >= kEntries[i].code) return false;
  return true;
}
static_assert(sorted_without_duplicates(), "kEntries must be sorted by code, each code once");

constexpr bool chinese_texts_match_entries() {
  if (kChineseTexts.size() != kEntries.size()) return false;
  for (std::size_t i = 0; i < kEntries.size(); ++i)
    if (kChineseTexts[i].code != kEntries[i].code || kChineseTexts[i].description.empty() ||
        kChineseTexts[i].earlier.empty() != kEntries[i].earlier.empty())
      return false;
  return true;
}
static_assert(chinese_texts_match_entries(),
              "kChineseTexts must have the codes of kEntries, in the same order, with an "
              "earlier text where the entry has one");

constexpr bool every_note_in_both_languages() {
  for (const Note& note : kNotes)
    if (note.text_zh.empty() || note.source_zh.empty()) return false;
  return true;
}
static_assert(every_note_in_both_languages(), "every note needs its Chinese text and source");

constexpr bool ranges_sorted_and_disjoint() {
  for (std::size_t i = 0; i < kRanges.size(); ++i) {
    if (kRanges[i].first > kRanges[i].last) return false;
    if (i > 0 && kRanges[i - 1].last >= kRanges[i].first) return false;
  }
  return true;
}
static_assert(ranges_sorted_and_disjoint(), "kRanges must be sorted and must not overlap");

constexpr bool notes_sorted_and_known() {
  for (std::size_t i = 0; i < kNotes.size(); ++i) {
    if (i > 0 && kNotes[i - 1].code > kNotes[i].code) return false;
    if (!std::ranges::binary_search(kEntries, kNotes[i].code, {}, &Entry::code)) return false;
  }
  return true;
}
static_assert(notes_sorted_and_known(), "kNotes must be sorted by code, each of a known code");

constexpr Note kLegacyNote{
    0,
    "Listed only on the earlier Chinese Digital Human PaaS return-code page (the product's former "
    "name); the page of 2026-03-20 no longer has it. Older integrations and logs may still show "
    "it.",
    kEarlierPage,
    "仅见于早期中文“数字人 PaaS”返回码页面（产品的旧名）；2026-03-20 的页面已不再列出。较早的集成和"
    "日志中仍可能出现。",
    kEarlierPageZh};

constexpr bool codes_within_limit() {
  return std::ranges::all_of(kEntries, [](const Entry& e) { return e.code <= kLargestCode; });
}
static_assert(codes_within_limit());

}  // namespace

std::span<const Entry> builtin_entries() {
  return kEntries;
}

namespace {

// A binary search of a table sorted by code (entries, Chinese texts).
template <typename Row>
const Row* find_in(std::span<const Row> rows, Code code) {
  auto it = std::ranges::lower_bound(rows, code, {}, &Row::code);
  return it != rows.end() && it->code == code ? &*it : nullptr;
}

}  // namespace

const Entry* find_builtin_entry(Code code) {
  return find_in<Entry>(kEntries, code);
}

const ChineseText* find_chinese_text(Code code) {
  return find_in<ChineseText>(kChineseTexts, code);
}

std::span<const std::string_view> note_sources() {
  return kNoteSources;
}

std::span<const Note> notes_for(Code code) {
  const Entry* entry = find_builtin_entry(code);
  if (entry && entry->status == Status::legacy) return {&kLegacyNote, 1};
  // std::equal_range rather than std::ranges': clang 14 cannot use libstdc++
  // 12's subrange.
  auto [first, last] =
      std::equal_range(kNotes.begin(), kNotes.end(), Note{code, {}, {}, {}, {}},
                       [](const Note& a, const Note& b) { return a.code < b.code; });
  return {first, last};
}

std::span<const Entry> Registry::entries() const {
  if (entries_.empty()) return kEntries;
  return entries_;
}

const Entry* Registry::find(Code code) const {
  return find_in<Entry>(entries(), code);
}

void Registry::put(const Entry& entry) {
  if (entries_.empty()) entries_.assign(kEntries.begin(), kEntries.end());
  auto it = std::ranges::lower_bound(entries_, entry.code, {}, &Entry::code);
  if (it != entries_.end() && it->code == entry.code)
    *it = entry;
  else
    entries_.insert(it, entry);
}

std::string_view Registry::keep(std::string text) {
  texts_.push_front(std::move(text));
  return texts_.front();
}

Registry& active_registry() {
  static Registry registry;  // built on first use, not at start-up
  return registry;
}

const Range* find_range(Code code) {
  auto it = std::ranges::lower_bound(kRanges, code, {}, &Range::last);
  return it != kRanges.end() && it->first <= code ? &*it : nullptr;
}

std::string_view name_of(Category category) {
  return kCategoryNames[static_cast<std::size_t>(category)];
}
std::string_view name_of(Status status) {
  return kStatusNames[static_cast<std::size_t>(status)];
}
std::string_view source_of(Status status, Language language) {
  if (language == Language::zh) return kChineseSources[static_cast<std::size_t>(status)];
  return kStatusSources[static_cast<std::size_t>(status)];
}

namespace {

// One text of an entry in a language: the official Chinese for a built-in
// code, a team's own otherwise, the other language's when only one is given.
std::string_view text_in(const Entry& entry, Language language, std::string_view Entry::*english,
                         std::string_view Entry::*chinese,
                         std::string_view ChineseText::*official) {
  if (language == Language::zh) {
    const ChineseText* text =
        entry.status == Status::team ? nullptr : find_chinese_text(entry.code);
    if (text) return text->*official;
    if (!(entry.*chinese).empty()) return entry.*chinese;
  }
  return (entry.*english).empty() ? entry.*chinese : entry.*english;
}

}  // namespace

std::string_view description_in(const Entry& entry, Language language) {
  return text_in(entry, language, &Entry::description, &Entry::description_zh,
                 &ChineseText::description);
}

std::string_view action_in(const Entry& entry, Language language) {
  return text_in(entry, language, &Entry::action, &Entry::action_zh, &ChineseText::action);
}

Language language_shown(const Entry& entry, Language language) {
  if (entry.status != Status::team) return language;  // the official texts of both pages
  bool english = !entry.description.empty();
  bool chinese = !entry.description_zh.empty();
  if (language == Language::zh) return chinese || !english ? Language::zh : Language::en;
  return english || !chinese ? Language::en : Language::zh;
}

std::string_view earlier_in(const Entry& entry, Language language) {
  if (language == Language::zh && entry.status != Status::team)
    if (const ChineseText* text = find_chinese_text(entry.code); text && !text->earlier.empty())
      return text->earlier;
  return entry.earlier;
}

std::string_view holds_in(const Range& range, Language language) {
  return language == Language::zh ? range.holds_zh : range.holds;
}

std::string_view text_in(const Note& note, Language language) {
  return language == Language::zh ? note.text_zh : note.text;
}

std::string_view source_in(const Note& note, Language language) {
  return language == Language::zh ? note.source_zh : note.source;
}

std::optional<Category> category_named(std::string_view name) {
  auto it = std::ranges::find(kCategoryNames, name);
  if (it == kCategoryNames.end()) return std::nullopt;
  return static_cast<Category>(it - kCategoryNames.begin());
}

std::optional<Status> status_named(std::string_view name) {
  auto it = std::ranges::find(kStatusNames, name);
  if (it == kStatusNames.end()) return std::nullopt;
  return static_cast<Status>(it - kStatusNames.begin());
}

}  // namespace dhcode
