namespace HeloData.Reports.PostgreSql.Tests;

/// <summary>What a connection string's endpoint shows (never its password), and when two are the same database as the table sink asks (equality).</summary>
public sealed class PostgreSqlEndpointTests
{
    private const string Password = "s3cret-Pa55word";

    [Test]
    public void The_endpoint_names_host_port_database_and_user_and_never_the_password()
    {
        var endpoint = PostgreSqlEndpoint.Of($"Host=DB.Example;Database=ops;Username=helo;Password={Password}");

        Assert.That((endpoint.ToString(), endpoint.Describe()), Is.EqualTo(("db.example:5432/ops", "db.example:5432/ops as helo")));
        Assert.That(endpoint.ToString() + endpoint.Describe() + endpoint, Does.Not.Contain(Password));
    }

    [Test]
    public void Without_a_database_the_endpoint_names_the_users_as_npgsql_connects_to_it()
    {
        Assert.That(PostgreSqlEndpoint.Of("Host=db;Port=6432;Username=helo").ToString(), Is.EqualTo("db:6432/helo"));
    }

    [TestCase("Host=DB;Port=5432;Database=ops;Username=state", true)]
    [TestCase("Host=db;Database=ops;Username=sink", false)]
    [TestCase("Host=db;Database=ops2;Username=state", false)]
    [TestCase("Host=db;Port=5433;Database=ops;Username=state", false)]
    [TestCase("Host=db2;Database=ops;Username=state", false)]
    public void Two_endpoints_are_equal_for_the_same_host_port_database_and_user_whatever_the_password(string other, bool same)
    {
        var state = PostgreSqlEndpoint.Of("Host=db;Database=ops;Username=state;Password=" + Password);

        Assert.That(state == PostgreSqlEndpoint.Of(other), Is.EqualTo(same));
    }
}
