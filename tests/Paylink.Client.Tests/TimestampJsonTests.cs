using System.Globalization;
using System.Text.Json;

namespace Paylink.Client.Tests;

/// <summary>Instants on the wire: UTC, exactly three fraction digits (cut, not rounded), a trailing Z, and read back.</summary>
public sealed class TimestampJsonTests
{
    private const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static TheoryData<string> Edges => new()
    {
        "0001-01-01T00:00:00.0000000Z",
        "0999-02-03T04:05:06.0070000Z",
        "2023-10-27T10:00:00.0000000Z",
        "2024-02-29T23:59:59.9999999Z",
        "2026-12-02T09:08:07.1009999Z",
        "9999-12-31T23:59:59.9999999Z",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void An_instant_is_written_with_milliseconds_cut_and_a_Z(string roundTrip)
    {
        var instant = DateTime.Parse(roundTrip, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

        var json = JsonSerializer.Serialize(instant, PaylinkJson.Options);

        Assert.Equal($"\"{instant.ToString(WireFormat, CultureInfo.InvariantCulture)}\"", json);
        Assert.Equal(26, json.Length);
    }

    [Fact]
    public void Instants_across_the_calendar_are_written_as_the_format_says_whatever_their_kind()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks + TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay);
            var kind = (DateTimeKind)(i % 3);
            var instant = new DateTime(ticks, kind);
            var utc = kind == DateTimeKind.Local ? instant.ToUniversalTime() : instant;

            var json = JsonSerializer.Serialize(instant, PaylinkJson.Options);

            Assert.Equal($"\"{utc.ToString(WireFormat, CultureInfo.InvariantCulture)}\"", json);
            var read = JsonSerializer.Deserialize<DateTime>(json, PaylinkJson.Options);
            Assert.Equal(DateTimeKind.Utc, read.Kind);
            Assert.Equal(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), read.Ticks);
        }
    }

    [Fact]
    public void An_absent_instant_is_null_and_a_present_one_is_written_the_same_way()
    {
        var at = new DateTime(2026, 12, 2, 9, 8, 7, 654, DateTimeKind.Utc).AddTicks(3210);
        var options = new JsonSerializerOptions(PaylinkJson.Options) { Converters = { new NullableUtcTimestampConverter() } };

        Assert.Equal("null", JsonSerializer.Serialize<DateTime?>(null, options));
        Assert.Equal("\"2026-12-02T09:08:07.654Z\"", JsonSerializer.Serialize<DateTime?>(at, options));
    }
}
