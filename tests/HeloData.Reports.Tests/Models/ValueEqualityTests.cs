using System.Text.Json;
using HeloData.Reports.Models;

namespace HeloData.Reports.Tests.Models;

/// <summary>
/// The plain data an application builds compares by value: a resume check that compares a window, a
/// destination or a whole request with the one it sent before sees the same values as equal.
/// </summary>
public sealed class ValueEqualityTests
{
    private static readonly DateOnly May1 = new(2026, 5, 1);

    /// <summary>Each type, built twice from the same values, and once from different ones.</summary>
    private static IEnumerable<TestCaseData> Pairs()
    {
        yield return Case(() => new RunWindow { From = May1, To = May1.AddDays(6) }, new RunWindow { From = May1 });
        yield return Case(() => new ReportFilters { Products = [ReportProduct.Residential, ReportProduct.Mobile] }, new ReportFilters { Products = [ReportProduct.Mobile, ReportProduct.Residential] });
        yield return Case(() => new EmailDestination("ops@acme.com"), new EmailDestination("bi@acme.com"));
        yield return Case(() => new WebhookDestination(new Uri("https://hooks.acme.com/r"), "whsec_1"), new WebhookDestination(new Uri("https://hooks.acme.com/s"), "whsec_1"));
        yield return Case(() => new S3Destination("acme", "reports/", "arn:aws:iam::1:role/w"), new S3Destination("acme", "", "arn:aws:iam::1:role/w"));
        yield return Case(() => new GcsDestination("acme", "reports/", "w@acme.iam.gserviceaccount.com"), new GcsDestination("acme", "reports/", "v@acme.iam.gserviceaccount.com"));
        yield return Case(() => new UnknownDestination(Json("""{"type":"ftp","host":"ftp.acme.com"}""")), new UnknownDestination(Json("""{"type":"ftp","host":"sftp.acme.com"}""")));
        yield return Case(Request, Request().WithSchedule("0 7 * * *"));

        static TestCaseData Case(Func<object> build, object different) =>
            new TestCaseData(build, different).SetArgDisplayNames(build().GetType().Name);
    }

    [TestCaseSource(nameof(Pairs))]
    public void Equal_values_are_Equal_with_the_same_hash_code_and_eq_eq(Func<object> build, object different)
    {
        var (left, right) = (build(), build());

        Assert.That(left, Is.Not.SameAs(right));
        Assert.That(left.Equals(right), Is.True);
        Assert.That(left.GetHashCode(), Is.EqualTo(right.GetHashCode()));
        Assert.That(EqualsOperator(left, right), Is.True, "==");
        Assert.That(left.Equals(different), Is.False);
        Assert.That(EqualsOperator(left, different), Is.False, "== on a different value");
        Assert.That(left.Equals(null), Is.False);
        Assert.That(new HashSet<object> { left }.Contains(right), Is.True);
    }

    [Test]
    public void A_window_is_a_record_so_with_makes_a_changed_copy()
    {
        var week = new RunWindow { From = May1, To = May1.AddDays(6) };

        Assert.That(week with { To = May1.AddDays(6) }, Is.EqualTo(week));
        Assert.That(week with { To = null } != week, Is.True);
        Assert.That(week.ToString(), Is.EqualTo("2026-05-01..2026-05-07"));
    }

    [Test]
    public void Filters_keep_their_own_copy_of_the_products()
    {
        var products = new List<ReportProduct> { ReportProduct.Isp };
        var filters = new ReportFilters { Products = products };
        var hash = filters.GetHashCode();

        products.Add(ReportProduct.Mobile);

        Assert.That(filters.Products, Is.EqualTo(new[] { ReportProduct.Isp }));
        Assert.That(filters.GetHashCode(), Is.EqualTo(hash));
    }

    [Test]
    public void Additional_properties_count_and_are_compared_as_json()
    {
        var spaced = Filters("""{ "owner" : { "team":"bi", "id": 7 } }""");
        var compact = Filters("""{"owner":{"id":7,"team":"bi"}}""");
        var other = Filters("""{"owner":{"id":8,"team":"bi"}}""");

        Assert.That(spaced, Is.EqualTo(compact), "member order and whitespace do not count");
        Assert.That(spaced, Is.Not.EqualTo(other));
        Assert.That(spaced, Is.Not.EqualTo(new ReportFilters()));
    }

    [Test]
    public void A_destination_read_back_equals_the_one_built_whatever_the_spelling_of_its_type()
    {
        var built = new S3Destination("acme", "reports/", "arn:aws:iam::1:role/w");

        var read = JsonSerializer.Deserialize<ReportDestination>("""{"type":"S3","bucket":"acme","prefix":"reports/","role_arn":"arn:aws:iam::1:role/w"}""", ReportsJsonOptions);

        Assert.That(read, Is.TypeOf<S3Destination>());
        Assert.That(read == built, Is.True);
    }

    [Test]
    public void Kinds_with_the_same_fields_differ()
    {
        ReportDestination s3 = new S3Destination("acme", "r/", "same");
        ReportDestination gcs = new GcsDestination("acme", "r/", "same");

        Assert.That(s3 == gcs, Is.False);
        Assert.That(s3.Equals((object)gcs), Is.False);
    }

    [Test]
    public void A_webhook_url_is_compared_as_written()
    {
        // Uri's own equality would call these equal: it leaves out the user info.
        var plain = new WebhookDestination(new Uri("https://hooks.acme.com/r"), "s");
        var withUser = new WebhookDestination(new Uri("https://bot@hooks.acme.com/r"), "s");

        Assert.That(plain == withUser, Is.False);
    }

    [Test]
    public void A_webhook_is_equal_to_itself_read_back_without_its_secret_or_with_another()
    {
        // The service's responses usually omit signing_secret: a resume check must still see the same webhook.
        var desired = new WebhookDestination(new Uri("https://hooks.acme.com/r"), "whsec_1");
        var readBack = new WebhookDestination(new Uri("https://hooks.acme.com/r"), null);
        var rotated = new WebhookDestination(new Uri("https://hooks.acme.com/r"), "whsec_2");

        Assert.That(readBack == desired && desired == rotated && readBack == rotated, Is.True);
        Assert.That(new[] { readBack, rotated }.Select(d => d.GetHashCode()), Is.All.EqualTo(desired.GetHashCode()));
    }

    [Test]
    public void An_unknown_destination_is_compared_as_json()
    {
        var spaced = new UnknownDestination(Json("""{ "type": "ftp", "port": 21, "host": "ftp.acme.com" }"""));
        var compact = new UnknownDestination(Json("""{"type":"ftp","host":"ftp.acme.com","port":21}"""));

        Assert.That(spaced, Is.EqualTo(compact));
        Assert.That(spaced.GetHashCode(), Is.EqualTo(compact.GetHashCode()));
    }

    [Test]
    public void A_request_differs_when_any_member_does()
    {
        var request = Request();

        Assert.Multiple(() =>
        {
            Assert.That(request, Is.EqualTo(Request()));
            Assert.That(new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv) == new NewReport("weekly-traffic", ReportType.Traffic, ReportFormat.Csv), Is.True);
            Assert.That(request, Is.Not.EqualTo(new NewReport("weekly", ReportType.Traffic, ReportFormat.Csv) { Filters = request.Filters, Schedule = request.Schedule, Destination = request.Destination }), "name");
            Assert.That(request, Is.Not.EqualTo(new NewReport(request.Name, ReportType.Requests, ReportFormat.Csv) { Filters = request.Filters, Schedule = request.Schedule, Destination = request.Destination }), "type");
            Assert.That(request, Is.Not.EqualTo(new NewReport(request.Name, ReportType.Traffic, ReportFormat.Parquet) { Filters = request.Filters, Schedule = request.Schedule, Destination = request.Destination }), "format");
            Assert.That(request, Is.Not.EqualTo(new NewReport(request.Name, ReportType.Traffic, ReportFormat.Csv) { Schedule = request.Schedule, Destination = request.Destination }), "filters");
            Assert.That(request, Is.Not.EqualTo(new NewReport(request.Name, ReportType.Traffic, ReportFormat.Csv) { Filters = request.Filters, Schedule = request.Schedule }), "destination");
            Assert.That(request, Is.EqualTo(new NewReport(request.Name, new ReportType("TRAFFIC"), new ReportFormat("CSV")) { Filters = request.Filters, Schedule = request.Schedule, Destination = request.Destination }), "type and format ignore case, as their == does");
        });
    }

    [Test]
    public void A_request_sent_and_read_back_as_json_is_equal()
    {
        var request = Request();

        var json = JsonSerializer.Serialize(request, ReportsJsonOptions);
        var read = JsonSerializer.Deserialize<NewReport>(json, ReportsJsonOptions);

        Assert.That(read, Is.EqualTo(request));
    }

    private static readonly JsonSerializerOptions ReportsJsonOptions = ReportsJsonContext.Default.Options;

    private static NewReport Request() => new("weekly-traffic", ReportType.Traffic, ReportFormat.Csv)
    {
        Filters = new ReportFilters { Products = [ReportProduct.Residential] },
        Schedule = "0 6 * * MON",
        Destination = new EmailDestination("ops@acme.com"),
    };

    private static ReportFilters Filters(string additional)
    {
        var filters = new ReportFilters();
        foreach (var property in JsonDocument.Parse(additional).RootElement.EnumerateObject())
        {
            filters.AdditionalProperties[property.Name] = property.Value.Clone();
        }

        return filters;
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // The static == of the value's own type, as user code calling it would bind.
    private static bool EqualsOperator(object left, object right) => (left, right) switch
    {
        (RunWindow a, RunWindow b) => a == b,
        (ReportFilters a, ReportFilters b) => a == b,
        (ReportDestination a, ReportDestination b) => a == b,
        (NewReport a, NewReport b) => a == b,
        _ => throw new ArgumentException($"No == for {left.GetType().Name}"),
    };
}

file static class NewReportCopy
{
    public static NewReport WithSchedule(this NewReport report, string schedule) =>
        new(report.Name, report.Type, report.Format) { Filters = report.Filters, Schedule = schedule, Destination = report.Destination };
}
