using System.Text.Json;
using HeloData.Reports.Models;
using HeloData.Reports.Tests.Support;

namespace HeloData.Reports.Tests.Serialization;

/// <summary>The destination family: discriminated by <c>type</c>, open to unknown kinds, secrets kept out of text.</summary>
public sealed class DestinationSerializationTests
{
    private static IEnumerable<TestCaseData> KnownDestinations()
    {
        yield return Case("""{"type":"email","email":"ops@acme.com"}""", typeof(EmailDestination));
        yield return Case("""{"type":"webhook","url":"https://hooks.acme.com/reports","signing_secret":"whsec_123"}""", typeof(WebhookDestination));
        yield return Case("""{"type":"webhook","url":"https://hooks.acme.com/reports"}""", typeof(WebhookDestination));
        yield return Case("""{"type":"s3","bucket":"acme-exports","prefix":"helodata/","role_arn":"arn:aws:iam::123456789012:role/helodata-writer"}""", typeof(S3Destination));
        yield return Case("""{"type":"gcs","bucket":"acme-exports","prefix":"helodata/","service_account_email":"writer@acme.iam.gserviceaccount.com"}""", typeof(GcsDestination));
        yield return Case("""{"type":"s3","bucket":"acme-exports","prefix":"","role_arn":"arn","region":"eu-west-1"}""", typeof(S3Destination));

        static TestCaseData Case(string json, Type expected) => new TestCaseData(json, expected).SetArgDisplayNames(json);
    }

    [TestCaseSource(nameof(KnownDestinations))]
    public void Known_destinations_read_as_their_own_type_and_round_trip(string json, Type expected)
    {
        var destination = Json.Deserialize<ReportDestination>(json);

        Assert.That(destination, Is.TypeOf(expected));
        Assert.That(destination.AdditionalProperties.ContainsKey("type"), Is.False, "the discriminator is not duplicated as an extra field");
        Json.AssertEqual(Json.Serialize(destination), json);
    }

    [Test]
    public void Typed_fields_are_read_from_snake_case()
    {
        var s3 = (S3Destination)Json.Deserialize<ReportDestination>(
            """{"type":"s3","bucket":"b","prefix":"p/","role_arn":"arn:aws:iam::123456789012:role/w"}""");
        var gcs = (GcsDestination)Json.Deserialize<ReportDestination>(
            """{"type":"gcs","bucket":"g","prefix":"q/","service_account_email":"w@p.iam.gserviceaccount.com"}""");
        var webhook = (WebhookDestination)Json.Deserialize<ReportDestination>(
            """{"type":"webhook","url":"https://h.example/x","signing_secret":"s3cr3t"}""");

        Assert.That((s3.Bucket, s3.Prefix, s3.RoleArn), Is.EqualTo(("b", "p/", "arn:aws:iam::123456789012:role/w")));
        Assert.That((gcs.Bucket, gcs.Prefix, gcs.ServiceAccountEmail), Is.EqualTo(("g", "q/", "w@p.iam.gserviceaccount.com")));
        Assert.That((webhook.Url, webhook.SigningSecret), Is.EqualTo((new Uri("https://h.example/x"), "s3cr3t")));
    }

    [Test]
    public void Extra_fields_of_a_known_destination_are_kept()
    {
        var s3 = Json.Deserialize<ReportDestination>("""{"type":"s3","bucket":"b","prefix":"p/","role_arn":"arn","region":"eu-west-1"}""");

        Assert.That(s3, Is.TypeOf<S3Destination>());
        Assert.That(s3.AdditionalProperties["region"].GetString(), Is.EqualTo("eu-west-1"));
    }

    private static IEnumerable<TestCaseData> ReshapedDestinations()
    {
        yield return Case("""{"type":"email"}""", "no email");
        yield return Case("""{"type":"email","emails":["ops@acme.com","cfo@acme.com"]}""", "renamed field");
        yield return Case("""{"type":"email","email":null}""", "null email");
        yield return Case("""{"type":"email","email":""}""", "empty email");
        yield return Case("""{"type":"email","email":42}""", "wrong JSON type");
        yield return Case("""{"type":"webhook","signing_secret":"s"}""", "no url");
        yield return Case("""{"type":"webhook","url":"/relative","signing_secret":"s"}""", "relative url");
        yield return Case("""{"type":"webhook","url":"ftp://x/y"}""", "ftp url");
        yield return Case("""{"type":"webhook","url":"https://h.example/x","signing_secret":""}""", "empty secret");
        yield return Case("""{"type":"webhook","url":{"href":"https://h.example"}}""", "url as an object");
        yield return Case("""{"type":"s3","bucket":"acme-exports","region":"eu-west-1"}""", "no prefix nor role_arn");
        yield return Case("""{"type":"s3","bucket":"b","prefix":"p","role_arn":""}""", "empty role_arn");
        yield return Case("""{"type":"gcs","bucket":["a"],"prefix":"","service_account_email":"w@p"}""", "bucket as an array");
        yield return Case("""{"type":"GCS","bucket":"b","prefix":null,"service_account_email":"w@p"}""", "null prefix, type in capitals");

        static TestCaseData Case(string json, string name) => new TestCaseData(json).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(ReshapedDestinations))]
    public void A_known_type_that_does_not_fit_its_shape_is_read_as_unknown_and_written_back_unchanged(string json)
    {
        var destination = Json.Deserialize<ReportDestination>(json);

        Assert.That(destination, Is.TypeOf<UnknownDestination>());
        Assert.That(Json.Serialize(destination), Is.EqualTo(json), "byte for byte");
    }

    [Test]
    public void A_reshaped_destination_does_not_fail_the_report_or_the_list_page_holding_it()
    {
        var list = Json.Deserialize<ReportList>("""
            {"reports":[
              {"id":"rep_1","name":"a","type":"traffic","format":"csv","destination":{"type":"email"}},
              {"id":"rep_2","name":"b","type":"traffic","format":"csv","destination":{"type":"email","email":"ops@acme.com"}}],
             "recent_runs":[],"next_cursor":null}
            """);

        Assert.That(list.Reports.Select(r => r.Destination!.GetType()), Is.EqualTo(new[] { typeof(UnknownDestination), typeof(EmailDestination) }));
        Assert.That(ReportUpdate.FromReport(list.Reports[0]).ChangedFields, Does.Contain("Destination"), "written back as it came");
    }

    [Test]
    public void An_unknown_destination_type_is_kept_as_raw_json_and_written_back_unchanged()
    {
        const string json = """{"container":"exports","type":"azure_blob","sas":{"token":"sv=1&sig=2","ttl":3600},"tier":null}""";

        var destination = Json.Deserialize<ReportDestination>(json);

        var unknown = (UnknownDestination)destination;
        Assert.That(unknown.Type, Is.EqualTo("azure_blob"));
        Assert.That(unknown.RawJson.GetProperty("sas").GetProperty("ttl").GetInt32(), Is.EqualTo(3600));
        var written = Json.Serialize(destination);
        Json.AssertEqual(written, json);
        Assert.That(
            JsonDocument.Parse(written).RootElement.EnumerateObject().Select(p => p.Name),
            Is.EqualTo(new[] { "container", "type", "sas", "tier" }),
            "member order is kept too");
    }

    [Test]
    public void A_destination_without_a_type_is_kept_rather_than_rejected()
    {
        var destination = Json.Deserialize<ReportDestination>("""{"email":"ops@acme.com"}""");

        Assert.That(destination, Is.TypeOf<UnknownDestination>());
        Assert.That(destination.Type, Is.Null);
        Assert.That(Json.Serialize(destination), Is.EqualTo("""{"email":"ops@acme.com"}"""));
    }

    [Test]
    public void A_known_type_in_another_spelling_is_recognised_and_written_back_as_it_came()
    {
        const string json = """{"type":"EMAIL","email":"ops@acme.com"}""";

        var destination = Json.Deserialize<ReportDestination>(json);

        Assert.That(destination, Is.TypeOf<EmailDestination>());
        Assert.That(destination.Type, Is.EqualTo("EMAIL"));
        Json.AssertEqual(Json.Serialize(destination), json);
        Assert.That(Json.Serialize(destination), Does.Contain("\"EMAIL\""));
    }

    [Test]
    public void A_destination_that_is_not_an_object_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => Json.Deserialize<ReportDestination>("\"email\""));
    }

    [Test]
    public void The_webhook_signing_secret_never_appears_in_ToString()
    {
        var webhook = new WebhookDestination(new Uri("https://hooks.acme.com/x"), "whsec_super_secret");
        var report = new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Destination = webhook };

        Assert.That(webhook.ToString(), Does.Not.Contain("whsec_super_secret").And.Contain("hooks.acme.com"));
        Assert.That(report.ToString(), Does.Not.Contain("whsec_super_secret"));
        Assert.That(new ReportUpdate { Destination = webhook }.ToString(), Does.Not.Contain("whsec_super_secret"));
    }

    [Test]
    public void An_unknown_destination_shows_only_its_type_in_ToString()
    {
        var unknown = Json.Deserialize<ReportDestination>("""{"type":"azure_blob","sas":"sig=topsecret"}""");

        Assert.That(unknown.ToString(), Does.Contain("azure_blob").And.Not.Contain("topsecret"));
    }

    [Test]
    public void A_new_destination_serializes_with_its_type_first()
    {
        var json = Json.Serialize<ReportDestination>(new GcsDestination("bucket", "", "w@p.iam.gserviceaccount.com"));

        Assert.That(json, Is.EqualTo("""{"type":"gcs","bucket":"bucket","prefix":"","service_account_email":"w@p.iam.gserviceaccount.com"}"""));
    }
}
