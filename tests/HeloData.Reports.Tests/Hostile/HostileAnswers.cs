using System.Text.Json.Nodes;
using static HeloData.Reports.Tests.Hostile.ContractBodies;

namespace HeloData.Reports.Tests.Hostile;

/// <summary>
/// What a misbehaving server, proxy or download host can answer. Each row is named for the test case
/// it becomes; names avoid quotes, commas and parentheses so they survive test filters.
/// </summary>
internal static class HostileAnswers
{
    public static IEnumerable<HostileAnswer> All() => [.. Bodies(), .. DownloadUrls(), .. Statuses(), .. ErrorAnswers(), .. RetryAfters(), .. Transport()];

    private static IEnumerable<HostileAnswer> Bodies()
    {
        yield return Ok("200 empty body with Content-Length 0", Targets.All, "");
        yield return Ok("200 null", Targets.Api, "null");
        yield return Ok("200 truncated JSON", Targets.Api, Report[..40]);
        yield return Ok("200 run_id a number and status a bool", Targets.Accepted | Targets.Run, """{"run_id":5,"status":true}""");
        yield return Ok("200 report with every member of the wrong type", Targets.Report, """{"id":5,"name":true,"type":7,"format":[],"schedule":{}}""");
        yield return Ok("200 run_id null", Targets.Accepted | Targets.Run, """{"run_id":null,"status":"queued"}""");
        yield return Ok("200 report id null", Targets.Report, """{"id":null,"name":"x","type":"traffic","format":"csv"}""");
        yield return Ok("200 reports null", Targets.List, """{"reports":null}""");
        yield return Ok("200 reports holding a null", Targets.List, """{"reports":[null]}""");
        yield return Ok("200 recent_runs holding a null", Targets.List, """{"recent_runs":[null],"reports":[]}""");
        yield return Ok("200 report name null", Targets.Report, Edit(Report, r => r["name"] = null));
        yield return Ok("200 run status null", Targets.Run, Edit(Run, r => r["status"] = null));
        yield return Ok("200 failed run with error code and message null", Targets.Run, Edit(Run, r => (r["status"], r["download_url"], r["error"]) = ("failed", null, new JsonObject { ["code"] = null, ["message"] = null })));
        yield return new("202 run accepted named id not run_id", Targets.Accepted, RawAnswer.Http(202, """{"id":"run_1","status":"queued"}"""));
        yield return Ok("200 run without status", Targets.Run, Edit(Run, r => r.Remove("status")));
        yield return Ok("200 report without id", Targets.Report, Edit(Report, r => r.Remove("id")));
        yield return Ok("200 empty array", Targets.Api, "[]");
        yield return Ok("200 reports an object", Targets.List, """{"reports":{}}""");
        yield return Ok("200 report filters an array", Targets.Report, Edit(Report, r => r["filters"] = new JsonArray()));
        yield return Ok("200 report destination an array", Targets.Report, Edit(Report, r => r["destination"] = new JsonArray()));
        yield return Ok("200 email destination without email", Targets.Report, Edit(Report, r => r["destination"] = new JsonObject { ["type"] = "email" }));
        yield return Ok("200 email destination with emails array", Targets.Report, Edit(Report, r => r["destination"] = new JsonObject { ["type"] = "email", ["emails"] = new JsonArray("a@b.c") }));
        yield return Ok("200 s3 destination bucket a number", Targets.Report, Edit(Report, r => r["destination"] = new JsonObject { ["type"] = "s3", ["bucket"] = 5 }));
        yield return Ok("200 report name of 5 MB", Targets.Report, Edit(Report, r => r["name"] = new string('n', 5 * 1024 * 1024)));
        yield return Ok("200 100k nested arrays", Targets.Api, new string('[', 100_000));
        yield return Ok("200 HTML page as text/html", Targets.Api, "<html><body><h1>Welcome</h1></body></html>", "text/html");
        yield return Ok("200 report as text/plain", Targets.Report, Report, "text/plain");
        yield return Ok("200 list as text/plain", Targets.List, List, "text/plain");
        yield return Ok("200 run as text/plain", Targets.Accepted | Targets.Run, Run, "text/plain");
    }

    // Served by the API as a completed run; a download then goes (or fails to go) wherever it points.
    private static IEnumerable<HostileAnswer> DownloadUrls()
    {
        string[][] urls =
        [
            ["relative", "/downloads/run_1.csv?sig=x"],
            ["empty", ""],
            ["file scheme", "file:///etc/passwd"],
            ["ftp scheme", "ftp://x/y"],
            ["not a URL at all", "not a url at all"],
            ["malformed absolute", "http://[bad"],
        ];
        return urls.Select(u => Ok($"200 completed run with download_url {u[0]}", Targets.Run | Targets.DownloadUrl, CompletedRun(u[1])));
    }

    private static IEnumerable<HostileAnswer> Statuses()
    {
        foreach (var status in new[] { 299, 302, 304, 418, 451, 599 })
        {
            yield return new($"{status} with no body{(status == 302 ? " and no Location" : "")}", Targets.All, RawAnswer.Http(status, "", contentType: null));
        }

        yield return new("garbage status line", Targets.All, RawAnswer.Raw("HTTP/1.1 abc Garbage\r\nContent-Length: 0\r\n\r\n", RawAnswer.Ending.Close));
        yield return new("not HTTP at all", Targets.All, RawAnswer.Raw("SSH-2.0-OpenSSH_9.6\r\n", RawAnswer.Ending.Close));
    }

    private static IEnumerable<HostileAnswer> ErrorAnswers()
    {
        const string html = "<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";
        yield return new("400 HTML page", Targets.All, RawAnswer.Http(400, html, "text/html"));
        yield return new("502 HTML page", Targets.All, RawAnswer.Http(502, html, "text/html"));
        yield return new("404 empty body", Targets.All, RawAnswer.Http(404, ""));
        yield return new("500 empty body", Targets.All, RawAnswer.Http(500, ""));
        yield return new("400 error null", Targets.All, RawAnswer.Http(400, """{"error":null}"""));
        yield return new("422 error an array", Targets.All, RawAnswer.Http(422, """{"error":[]}"""));
        yield return new("400 error code a number", Targets.All, RawAnswer.Http(400, """{"error":{"code":5}}"""));
        yield return new("400 error body of 16 MB", Targets.All, RawAnswer.Http(400, ErrorBody("bad_request", new string('m', 16 * 1024 * 1024))));

        // A message is logged and shown: raw line breaks or escapes from a server would forge log lines.
        yield return new("400 error message with control characters", Targets.All, RawAnswer.Http(400, ErrorBody("bad_request", "line one\nline two\r\n\u0007\u001b[31mred\u0000\u2028end")));
        yield return new("400 error code with control characters", Targets.All, RawAnswer.Http(400, ErrorBody("bad\r\nrequest", "x")));
        yield return new("400 request_id with control characters", Targets.All, RawAnswer.Http(400, Edit(Error, e => e["error"]!["request_id"] = "req_1\nFORGED log line")));
        yield return new("400 reason phrase with control characters", Targets.All, RawAnswer.Raw("HTTP/1.1 400 Bad\u001b[31m\u0007Request\r\nContent-Length: 0\r\n\r\n", RawAnswer.Ending.KeepAlive));
    }

    private static IEnumerable<HostileAnswer> RetryAfters()
    {
        string[][] values =
        [
            ["0", "0"],
            ["-1", "-1"],
            ["5000000", "5000000"],
            ["soon", "soon"],
            ["an HTTP date in the past", "Thu, 01 Jan 1970 00:00:00 GMT"],
            ["an HTTP date far in the future", "Fri, 31 Dec 9999 23:59:59 GMT"],
        ];
        foreach (var (name, value) in values.Select(v => (v[0], v[1])))
        {
            var header = $"Retry-After: {value}";
            yield return new($"200 running run with Retry-After {name}", Targets.Accepted | Targets.Run, RawAnswer.Http(200, RunningRun, "application/json", header));
            yield return new($"429 with Retry-After {name}", Targets.All, RawAnswer.Http(429, ErrorBody("rate_limited", "slow down"), "application/json", header));
            yield return new($"503 with Retry-After {name}", Targets.All, RawAnswer.Http(503, ErrorBody("internal_error", "overloaded"), "application/json", header));
        }
    }

    private static IEnumerable<HostileAnswer> Transport()
    {
        const string head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
        yield return new("close with no answer", Targets.All, RawAnswer.Raw("", RawAnswer.Ending.Close));
        yield return new("reset with no answer", Targets.All, RawAnswer.Raw("", RawAnswer.Ending.Reset));
        yield return new("Content-Length larger than the body then close", Targets.All, RawAnswer.Raw(head + "Content-Length: 1000\r\n\r\n{\"id\":\"rep_1\"", RawAnswer.Ending.Close));
        yield return new("half a body then reset", Targets.All, RawAnswer.Raw(head + "Content-Length: 1000\r\n\r\n{\"id\":\"rep_1\"", RawAnswer.Ending.Reset));
        yield return new("broken chunked encoding", Targets.All, RawAnswer.Raw(head + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"id\"\r\nZZ\r\nnot hex\r\n", RawAnswer.Ending.Close));
    }

    private static HostileAnswer Ok(string name, Targets targets, string body, string contentType = "application/json") =>
        new(name, targets, RawAnswer.Http(200, body, contentType));
}
