using System.Text.Json.Nodes;
using Paylink.Client;

namespace Paylink.Webhooks.Tests;

/// <summary>The webhook endpoint and event calls as a merchant uses them through the SDK.</summary>
public sealed class EndpointApiTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task An_endpoint_shows_its_secret_once_belongs_to_its_mode_and_can_be_changed_and_deleted()
    {
        var created = await fixture.Test.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions
        {
            Url = fixture.Receiver.UrlFor("/crud"),
            EnabledEvents = ["payment_link.created", "payment_link.updated"],
            Description = "Orders service",
            Metadata = new JsonObject { ["team"] = "orders" },
        });
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.StartsWith("we_", created.Id, StringComparison.Ordinal);
        Assert.Equal("enabled", created.Status);

        var retrieved = await fixture.Test.WebhookEndpoints.RetrieveAsync(created.Id);
        Assert.Null(retrieved.Secret);
        Assert.Equal(["payment_link.created", "payment_link.updated"], retrieved.EnabledEvents);
        var missing = await Assert.ThrowsAsync<PaylinkException>(() => fixture.Live.WebhookEndpoints.RetrieveAsync(created.Id));
        Assert.Equal(404, missing.StatusCode);
        Assert.DoesNotContain((await fixture.Live.WebhookEndpoints.ListAsync()).List, e => e.Id == created.Id);
        Assert.Contains((await fixture.Test.WebhookEndpoints.ListAsync(new WebhookEndpointListOptions { PageSize = 100 })).List, e => e.Id == created.Id);

        var updated = await fixture.Test.WebhookEndpoints.UpdateAsync(created.Id, new WebhookEndpointUpdateOptions
        {
            EnabledEvents = ["*"],
            Status = "disabled",
            Description = null,
            Metadata = new JsonObject { ["region"] = "eu" },
        });
        Assert.Equal(["*"], updated.EnabledEvents);
        Assert.Equal("disabled", updated.Status);
        Assert.Null(updated.Description);
        Assert.Equal("{\"team\":\"orders\",\"region\":\"eu\"}", updated.Metadata.ToJsonString());
        Assert.Null(updated.Secret);

        var deleted = await fixture.Test.WebhookEndpoints.DeleteAsync(created.Id);
        Assert.True(deleted.Deleted);
        Assert.Equal(404, (await Assert.ThrowsAsync<PaylinkException>(() => fixture.Test.WebhookEndpoints.RetrieveAsync(created.Id))).StatusCode);
    }

    [Theory]
    [InlineData("payment_link.deleted")]
    [InlineData("*", "product.created")]
    [InlineData("product.created", "product.created")]
    public async Task Enabled_events_must_be_known_types_or_the_wildcard_alone(params string[] events)
    {
        var refused = await Assert.ThrowsAsync<PaylinkException>(() => fixture.Test.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateOptions { Url = fixture.Receiver.UrlFor("/bad"), EnabledEvents = [.. events] }));
        Assert.Equal(400, refused.StatusCode);
        Assert.StartsWith("enabled_events", refused.Param, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_are_listed_by_type_in_their_own_mode_with_the_object_as_the_api_showed_it()
    {
        var link = await fixture.CreateLinkAsync("Listed link");
        await fixture.Test.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Name = "Renamed link" });
        await fixture.Test.PaymentLinks.ArchiveAsync(link.Id);

        var updates = await fixture.Test.Events.ListAutoPagingAsync(new EventListOptions { Type = "payment_link.updated" })
            .Where(e => e.Data.Object["id"]!.GetValue<string>() == link.Id).ToListAsync();
        Assert.Equal(2, updates.Count);
        Assert.All(updates, e => Assert.Equal("payment_link.updated", e.Type));
        // Each as the API answered at that moment: renamed and still active, then archived.
        var states = updates.Select(e => e.Data.ObjectAs<PaymentLink>()).Select(l => (l.Name, l.Active)).ToHashSet();
        Assert.Contains(("Renamed link", true), states);
        Assert.Contains(("Renamed link", false), states);
        var created = await fixture.Test.Events.ListAutoPagingAsync(new EventListOptions { Type = "payment_link.created" })
            .SingleAsync(e => e.Data.Object["id"]!.GetValue<string>() == link.Id);
        Assert.Equal("Listed link", created.Data.ObjectAs<PaymentLink>().Name);

        Assert.Equal(404, (await Assert.ThrowsAsync<PaylinkException>(() => fixture.Live.Events.RetrieveAsync(created.Id))).StatusCode);
        Assert.DoesNotContain((await fixture.Live.Events.ListAsync()).List, e => e.Id == created.Id);
        Assert.Equal(created.Id, (await fixture.Test.Events.RetrieveAsync(created.Id)).Id);
    }
}
