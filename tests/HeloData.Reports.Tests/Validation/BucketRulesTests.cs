using HeloData.Reports.Models;
using HeloData.Reports.Validation;

namespace HeloData.Reports.Tests.Validation;

/// <summary>S3 and GCS destinations: bucket naming, prefix, role ARN and service account rules.</summary>
public sealed class BucketRulesTests
{
    private const string Ok = "reports-writer@acme-data.iam.gserviceaccount.com";

    [TestCase("abc")]
    [TestCase("acme-exports")]
    [TestCase("acme.exports.eu")]
    [TestCase("0-acme-9")]
    [TestCase("a23456789012345678901234567890123456789012345678901234567890123")]
    public void S3_bucket_accepts(string bucket)
    {
        Assert.That(() => Check(new S3Destination(bucket)), Throws.Nothing);
    }

    [TestCase("ab", "\"ab\" is 2 characters long; S3 bucket names are 3 to 63")]
    [TestCase("a234567890123456789012345678901234567890123456789012345678901234", "is 64 characters long")]
    [TestCase("Acme-exports", "\"Acme-exports\" contains \"A\" at index 0; S3 bucket names use only lowercase letters")]
    [TestCase("acme_exports", "contains \"_\" at index 4")]
    [TestCase("-acme", "must start and end with a lowercase letter or a digit")]
    [TestCase("acme.", "must start and end with a lowercase letter or a digit")]
    [TestCase("acme..exports", "contains two adjacent dots")]
    [TestCase("192.168.5.4", "\"192.168.5.4\" looks like an IP address")]
    [TestCase("xn--acme", "starts with \"xn--\", which AWS reserves")]
    [TestCase("sthree-acme", "starts with \"sthree-\"")]
    [TestCase("acme-s3alias", "ends with \"-s3alias\"")]
    [TestCase("acme--ol-s3", "ends with \"--ol-s3\"")]
    public void S3_bucket_rejects(string bucket, string message)
    {
        Assert.That(() => Check(new S3Destination(bucket)), Rejected.As<ArgumentException>("report.Destination.Bucket", message));
    }

    [TestCase("helodata/weekly/")]
    [TestCase("")]
    public void Prefix_accepts_a_relative_prefix(string prefix)
    {
        Assert.That(() => Check(new S3Destination("acme-exports", prefix)), Throws.Nothing);
        Assert.That(() => Check(new GcsDestination("acme-exports", prefix)), Throws.Nothing);
    }

    [Test]
    public void Prefix_rejects_a_leading_slash()
    {
        Assert.That(() => Check(new S3Destination("acme-exports", "/helodata/")), Rejected.As<ArgumentException>("report.Destination.Prefix", "The S3 prefix \"/helodata/\" starts with \"/\"; a prefix is relative to the bucket, so write \"helodata/\" instead"));
        Assert.That(() => Check(new GcsDestination("acme-exports", "/helodata/")), Rejected.As<ArgumentException>("report.Destination.Prefix", "The GCS prefix \"/helodata/\" starts with \"/\""));
    }

    [TestCase("arn:aws:iam::123456789012:role/helodata-reports")]
    [TestCase("arn:aws:iam::123456789012:role/exports/nightly/helodata-reports")]
    [TestCase("arn:aws:iam::123456789012:role/a+=,.@_-b")]
    public void Role_arn_accepts(string roleArn)
    {
        Assert.That(() => Check(new S3Destination("acme-exports", roleArn: roleArn)), Throws.Nothing);
    }

    [TestCase("helodata-reports")]
    [TestCase("arn:aws:iam::12345:role/helodata-reports")]
    [TestCase("arn:aws:iam::123456789012:user/helodata-reports")]
    [TestCase("arn:aws:iam::123456789012:role/")]
    [TestCase("arn:aws:iam::123456789012:role/exports/")]
    [TestCase("arn:aws:iam::123456789012:role/helo data")]
    [TestCase("arn:aws:iam::123456789012:role/helodata\n")]
    [TestCase("arn:aws:iam::123456789012:role/r2345678901234567890123456789012345678901234567890123456789012345")]
    [TestCase("arn:aws-cn:iam::123456789012:role/helodata-reports")]
    public void Role_arn_rejects(string roleArn)
    {
        Assert.That(
            () => Check(new S3Destination("acme-exports", roleArn: roleArn)),
            Rejected.As<ArgumentException>("report.Destination.RoleArn", "is not an IAM role ARN of the form arn:aws:iam::<12-digit account id>:role/<name>"));
    }

    [TestCase("abc")]
    [TestCase("acme_exports-eu")]
    [TestCase("exports.acme.com")]
    [TestCase("a23456789012345678901234567890123456789012345678901234567890123")]
    public void Gcs_bucket_accepts(string bucket)
    {
        Assert.That(() => Check(new GcsDestination(bucket)), Throws.Nothing);
    }

    [Test]
    public void Gcs_bucket_with_dots_may_be_222_characters()
    {
        var part = new string('a', 63);
        Assert.That(() => Check(new GcsDestination($"{part}.{part}.{part}.{new string('b', 30)}")), Throws.Nothing);
    }

    [TestCase("ab", "\"ab\" is 2 characters long; GCS bucket names are 3 to 63 characters (up to 222 when they contain dots)")]
    [TestCase("a234567890123456789012345678901234567890123456789012345678901234", "is 64 characters long")]
    [TestCase("Acme", "contains \"A\" at index 0; GCS bucket names use only lowercase letters, digits, hyphens (-), underscores (_) and dots (.)")]
    [TestCase("acme exports", "contains \" \" at index 4")]
    [TestCase("_acme", "must start and end with a lowercase letter or a digit")]
    [TestCase("acme-", "must start and end with a lowercase letter or a digit")]
    [TestCase("10.0.0.1", "looks like an IP address")]
    [TestCase("goog-exports", "starts with \"goog\", which Google reserves")]
    [TestCase("acme-google-exports", "contains \"google\", which Google reserves")]
    public void Gcs_bucket_rejects(string bucket, string message)
    {
        Assert.That(() => Check(new GcsDestination(bucket)), Rejected.As<ArgumentException>("report.Destination.Bucket", message));
    }

    [Test]
    public void Gcs_bucket_with_dots_is_limited_per_part_and_in_total()
    {
        var part = new string('a', 63);
        Assert.That(() => Check(new GcsDestination($"{part}a.acme.com")), Rejected.As<ArgumentException>("report.Destination.Bucket", "has a dot-separated part 64 characters long; each part is at most 63"));
        Assert.That(() => Check(new GcsDestination($"{part}.{part}.{part}.{new string('b', 31)}")), Rejected.As<ArgumentException>("report.Destination.Bucket", "is 223 characters long; GCS bucket names with dots are 3 to 222 characters"));
    }

    [TestCase(Ok)]
    [TestCase("service-123456789012@gcp-sa-storage.iam.gserviceaccount.com")]
    [TestCase("123456789012-compute@developer.gserviceaccount.com")]
    [TestCase("acme-data@appspot.gserviceaccount.com")]
    public void Service_account_accepts(string email)
    {
        Assert.That(() => Check(new GcsDestination("acme-exports", serviceAccountEmail: email)), Throws.Nothing);
    }

    [TestCase("ops@acme.com")]
    [TestCase("short@acme-data.iam.gserviceaccount.com")]
    [TestCase("Reports-writer@acme-data.iam.gserviceaccount.com")]
    [TestCase("reports-writer-@acme-data.iam.gserviceaccount.com")]
    [TestCase("reports-writer@acme.iam.gserviceaccount.com")]
    [TestCase("1reports-writer@acme-data.iam.gserviceaccount.com")]
    [TestCase(Ok + "\n")]
    [TestCase("acme@appspot.gserviceaccount.com")]
    [TestCase("a b@developer.gserviceaccount.com")]
    public void Service_account_rejects(string email)
    {
        Assert.That(
            () => Check(new GcsDestination("acme-exports", serviceAccountEmail: email)),
            Rejected.As<ArgumentException>("report.Destination.ServiceAccountEmail", "is not a service account address; expected <name>@<project>.iam.gserviceaccount.com"));
    }

    private static void Check(ReportDestination destination) =>
        Argument.AssertNewReport(new NewReport("r", ReportType.Traffic, ReportFormat.Csv) { Destination = destination }, "report");
}
