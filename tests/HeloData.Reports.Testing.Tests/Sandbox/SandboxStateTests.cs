using System.Text.Json.Nodes;
using HeloData.Reports.Testing.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HeloData.Reports.Testing.Tests.Sandbox;

/// <summary>The sandbox's own state machine, over raw HTTP: lifecycle, URL expiry, retention, paging, merge-patch.</summary>
public sealed class SandboxStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _time = null!;
    private ReportsSandbox _sandbox = null!;
    private SandboxHttp _http = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new FakeTimeProvider(Start);
        _sandbox = ReportsSandbox.Start(new ReportsSandboxOptions { TimeProvider = _time });
        _http = new SandboxHttp(_sandbox);
    }

    [TearDown]
    public void TearDown()
    {
        _http.Dispose();
        _sandbox.Dispose();
    }

    [Test]
    public async Task A_created_report_comes_back_with_its_fields_read_only_fields_and_next_run()
    {
        var (status, body, response) = await _http.PostAsync("reports", ReportBodies.WeeklyTraffic);

        Assert.That(status, Is.EqualTo(201));
        Assert.That((string)body!["id"]!, Does.Match("^rep_[0-9A-Z]{12}$"));
        Assert.That((string)body["created_at"]!, Is.EqualTo("2026-06-01T08:00:00Z"));
        Assert.That((string)body["next_run_at"]!, Is.EqualTo("2026-06-01T09:00:00Z"), "2026-06-01 is a Monday");
        Assert.That(body["filters"]!["products"]!.AsArray().Select(p => (string)p!), Is.EqualTo(new[] { "residential", "mobile" }));
        Assert.That(response.Headers.GetValues("X-Request-Id").Single(), Does.StartWith("req_"));
    }

    [Test]
    public async Task Next_run_follows_standard_cron_where_a_restricted_day_of_month_or_day_of_week_matches()
    {
        // "the 13th, or any Friday": POSIX cron's OR. Cronos alone would wait for a Friday the 13th (2026-11-13).
        var (status, body, _) = await _http.PostAsync("reports", ReportBodies.WeeklyTraffic.Replace("0 9 * * MON", "0 9 13 * FRI"));

        Assert.That(status, Is.EqualTo(201));
        Assert.That((string)body!["next_run_at"]!, Is.EqualTo("2026-06-05T09:00:00Z"), "2026-06-05 is the first Friday");
    }

    [Test]
    public async Task A_run_moves_queued_running_completed_on_the_sandbox_clock()
    {
        var id = await _http.CreateAsync();
        var (status, accepted, _) = await _http.PostAsync($"reports/{id}/run", """{"from":"2026-05-01","to":"2026-05-28"}""");
        var runId = (string)accepted!["run_id"]!;

        Assert.That(status, Is.EqualTo(202));
        Assert.That((string)accepted["status"]!, Is.EqualTo("queued"));
        Assert.That(await StatusAsync(runId), Is.EqualTo("queued"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await StatusAsync(runId), Is.EqualTo("running"));
        _time.Advance(TimeSpan.FromSeconds(2));
        var run = (await _http.GetAsync($"reports/runs/{runId}")).Body!;
        Assert.That((string)run["status"]!, Is.EqualTo("completed"));
        Assert.That((string)run["completed_at"]!, Is.EqualTo("2026-06-01T08:00:03Z"));
        Assert.That((string)run["download_url"]!, Does.StartWith(_sandbox.DownloadBaseAddress.ToString()).And.Contain("sig="));
        Assert.That((string)run["download_url_expires_at"]!, Is.EqualTo("2026-06-01T09:00:03Z"), "valid for one hour");
    }

    [Test]
    public async Task A_failing_timeline_ends_failed_with_the_error()
    {
        _sandbox.RunTimeline = RunTimeline.Failing("internal_error", "exporter crashed");
        var id = await _http.CreateAsync();
        var runId = (string)(await _http.PostAsync($"reports/{id}/run", "{}")).Body!["run_id"]!;
        _time.Advance(TimeSpan.FromSeconds(2));

        var run = (await _http.GetAsync($"reports/runs/{runId}")).Body!;

        Assert.That((string)run["status"]!, Is.EqualTo("failed"));
        Assert.That((string)run["error"]!["code"]!, Is.EqualTo("internal_error"));
        Assert.That(run["download_url"], Is.Null);
    }

    [Test]
    public async Task A_download_url_works_for_an_hour_then_answers_403_and_a_fresh_status_gives_a_new_one()
    {
        _sandbox.RunTimeline = RunTimeline.Instant;
        var runId = await CompletedRunAsync();
        var url = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;

        Assert.That((int)(await _http.DownloadAsync(url)).StatusCode, Is.EqualTo(200));
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.That((int)(await _http.DownloadAsync(url)).StatusCode, Is.EqualTo(403));

        var fresh = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;
        Assert.That(fresh, Is.Not.EqualTo(url));
        Assert.That((int)(await _http.DownloadAsync(fresh)).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task A_tampered_signature_is_refused()
    {
        _sandbox.RunTimeline = RunTimeline.Instant;
        var runId = await CompletedRunAsync();
        var url = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;

        var response = await _http.DownloadAsync(url[..^4] + "0000");

        Assert.That((int)response.StatusCode, Is.EqualTo(403));
    }

    [Test]
    public async Task ExpireDownloadUrl_makes_the_issued_url_fail_at_once()
    {
        _sandbox.RunTimeline = RunTimeline.Instant;
        var runId = await CompletedRunAsync();
        var url = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;

        _sandbox.ExpireDownloadUrl(runId);

        Assert.That((int)(await _http.DownloadAsync(url)).StatusCode, Is.EqualTo(403));
        var fresh = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;
        Assert.That((int)(await _http.DownloadAsync(fresh)).StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task The_download_host_refuses_and_records_any_request_with_Authorization()
    {
        _sandbox.RunTimeline = RunTimeline.Instant;
        var runId = await CompletedRunAsync();
        var url = (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["download_url"]!;

        var response = await _http.DownloadAsync(url, withAuthorization: true);

        Assert.That((int)response.StatusCode, Is.EqualTo(400));
        Assert.That(_sandbox.DownloadHostSawCredentials, Is.True);
    }

    [Test]
    public async Task Runs_are_kept_90_days_on_the_sandbox_clock()
    {
        _sandbox.RunTimeline = RunTimeline.Instant;
        var runId = await CompletedRunAsync();

        _time.Advance(TimeSpan.FromDays(89));
        Assert.That((await _http.GetAsync($"reports/runs/{runId}")).Status, Is.EqualTo(200));
        Assert.That((await _http.GetAsync("reports")).Body!["recent_runs"]!.AsArray(), Has.Count.EqualTo(1));

        _time.Advance(TimeSpan.FromDays(2));
        var (status, body, _) = await _http.GetAsync($"reports/runs/{runId}");
        Assert.That(status, Is.EqualTo(404));
        Assert.That((string)body!["error"]!["code"]!, Is.EqualTo("not_found"));
        Assert.That((await _http.GetAsync("reports")).Body!["recent_runs"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Listing_pages_with_limit_and_cursor_until_next_cursor_is_null()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await _http.CreateAsync(ReportBodies.OnDemand(name: $"r{i}")));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = (await _http.GetAsync(cursor is null ? "reports?limit=2" : $"reports?limit=2&cursor={cursor}")).Body!;
            seen.AddRange(page["reports"]!.AsArray().Select(r => (string)r!["id"]!));
            cursor = (string?)page["next_cursor"];
            pages++;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(ids));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task An_empty_cursor_is_no_cursor_the_first_page()
    {
        var id = await _http.CreateAsync(ReportBodies.OnDemand(name: "r0"));

        var (status, page, _) = await _http.GetAsync("reports?cursor=");

        Assert.That(status, Is.EqualTo(200), page?.ToJsonString());
        Assert.That(page!["reports"]!.AsArray().Select(r => (string)r!["id"]!), Is.EqualTo(new[] { id }));
    }

    [Test]
    public async Task A_cursor_survives_the_deletion_of_the_report_it_points_after()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await _http.CreateAsync(ReportBodies.OnDemand(name: $"r{i}")));
        }

        var cursor = (string)(await _http.GetAsync("reports?limit=1")).Body!["next_cursor"]!;
        await _http.SendAsync(HttpMethod.Delete, $"reports/{ids[0]}");
        var next = (await _http.GetAsync($"reports?limit=5&cursor={cursor}")).Body!;

        Assert.That(next["reports"]!.AsArray().Select(r => (string)r!["id"]!), Is.EqualTo(ids.Skip(1)));
    }

    [TestCase("reports?limit=0")]
    [TestCase("reports?limit=abc")]
    [TestCase("reports?limit=101")]
    [TestCase("reports?cursor=not-a-cursor")]
    public async Task Bad_paging_parameters_are_400_bad_request(string path)
    {
        var (status, body, _) = await _http.GetAsync(path);

        Assert.That(status, Is.EqualTo(400));
        Assert.That((string)body!["error"]!["code"]!, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task Merge_patch_removes_null_members_replaces_others_whole_and_leaves_the_rest()
    {
        var id = await _http.CreateAsync();

        var (status, patched, _) = await _http.PatchAsync($"reports/{id}", """{"schedule":null,"filters":{"products":["isp"]},"owner":"bi"}""");

        Assert.That(status, Is.EqualTo(200));
        Assert.That(patched!["schedule"], Is.Null);
        Assert.That(patched["next_run_at"], Is.Null, "an on-demand report has no next run");
        Assert.That(patched["filters"]!.ToJsonString(), Is.EqualTo("""{"products":["isp"]}"""));
        Assert.That((string)patched["name"]!, Is.EqualTo("weekly-traffic"));
        Assert.That((string)patched["destination"]!["email"]!, Is.EqualTo("ops@acme.com"));
        Assert.That((string)patched["owner"]!, Is.EqualTo("bi"), "unknown fields are kept");
        Assert.That(JsonNode.DeepEquals((await _http.GetAsync($"reports/{id}")).Body, patched), Is.True);
    }

    [Test]
    public async Task Merge_patch_cannot_remove_a_required_field()
    {
        var id = await _http.CreateAsync();

        var (status, body, _) = await _http.PatchAsync($"reports/{id}", """{"name":null}""");

        Assert.That(status, Is.EqualTo(422));
        Assert.That((string)body!["error"]!["code"]!, Is.EqualTo("validation_failed"));
        Assert.That((string)(await _http.GetAsync($"reports/{id}")).Body!["name"]!, Is.EqualTo("weekly-traffic"), "nothing changed");
    }

    [Test]
    public async Task A_webhook_secret_is_stored_but_never_echoed()
    {
        var (_, body, _) = await _http.PostAsync("reports", """{"name":"h","type":"traffic","format":"csv","destination":{"type":"webhook","url":"https://hooks.example/x","signing_secret":"whsec_1"}}""");

        Assert.That(body!["destination"]!.AsObject().ContainsKey("signing_secret"), Is.False);
        Assert.That((string)body["destination"]!["url"]!, Is.EqualTo("https://hooks.example/x"));
    }

    [Test]
    public async Task A_run_window_defaults_to_the_last_seven_full_days()
    {
        var id = await _http.CreateAsync();
        var runId = (string)(await _http.SendAsync(HttpMethod.Post, $"reports/{id}/run")).Body!["run_id"]!;

        var run = (await _http.GetAsync($"reports/runs/{runId}")).Body!;

        Assert.That(((string)run["from"]!, (string)run["to"]!), Is.EqualTo(("2026-05-25", "2026-05-31")));
    }

    [Test]
    public async Task Every_request_is_logged_with_host_method_path_and_status()
    {
        var id = await _http.CreateAsync();
        await _http.GetAsync($"reports/{id}");
        await _http.GetAsync("reports/rep_missing");

        Assert.That(
            _sandbox.Requests.Select(r => $"{r.Host} {r.Method} {r.PathAndQuery} {r.Status}"),
            Is.EqualTo(new[] { "api POST /v1/reports 201", $"api GET /v1/reports/{id} 200", "api GET /v1/reports/rep_missing 404" }));
        Assert.That(_sandbox.Requests.All(r => r.HadAuthorization), Is.True);
    }

    private async Task<string> StatusAsync(string runId) => (string)(await _http.GetAsync($"reports/runs/{runId}")).Body!["status"]!;

    // An on-demand report: a scheduled one gets runs of its own as the clock moves, as on the service.
    private async Task<string> CompletedRunAsync()
    {
        var id = await _http.CreateAsync(ReportBodies.OnDemand());
        return (string)(await _http.PostAsync($"reports/{id}/run", """{"from":"2026-05-01","to":"2026-05-03"}""")).Body!["run_id"]!;
    }
}
