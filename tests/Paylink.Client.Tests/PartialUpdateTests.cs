using System.Text.Json;

namespace Paylink.Client.Tests;

/// <summary>Update options send exactly what was assigned: unset fields stay as they are, null resets.</summary>
[Collection(ServerCollection.Name)]
public sealed class PartialUpdateTests(PaylinkServer server)
{
    [Fact]
    public void Only_assigned_properties_are_written_and_null_is_written_as_null()
    {
        var options = new PaymentLinkUpdateOptions { Active = false, InactiveMessage = null, Metadata = new() { ["a"] = null, ["b"] = "2" } };

        var json = JsonSerializer.Serialize(options, PaylinkJson.Options);

        Assert.Equal("""{"active":false,"inactive_message":null,"metadata":{"a":null,"b":"2"}}""", json);
        Assert.Equal("{}", JsonSerializer.Serialize(new PriceUpdateOptions(), PaylinkJson.Options));
        Assert.Equal("""{"metadata":null}""", JsonSerializer.Serialize(new ProductUpdateOptions { Metadata = null }, PaylinkJson.Options));
    }

    [Fact]
    public async Task A_metadata_key_set_to_null_is_removed_and_the_others_stay()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var create = Seed.Link(price.Id, Seed.Tag("metadata"));
        create.Metadata = new() { ["order_id"] = "6735", ["channel"] = "email" };
        var link = await payment.PaymentLinks.CreateAsync(create);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Metadata = new() { ["order_id"] = null } });

        Assert.False(link.Metadata.ContainsKey("order_id"));
        Assert.Equal("email", (string?)link.Metadata["channel"]);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Metadata = null });
        Assert.Empty(link.Metadata);
    }

    [Fact]
    public async Task An_explicit_null_resets_a_field_and_an_unset_one_keeps_its_value()
    {
        using var payment = server.CreatePaymentClient();
        var price = await Seed.PriceAsync(payment);
        var create = Seed.Link(price.Id, Seed.Tag("reset"));
        create.InactiveMessage = "Sold out";
        create.SubmitType = "donate";
        var link = await payment.PaymentLinks.CreateAsync(create);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { Active = false });
        Assert.Equal("Sold out", link.InactiveMessage);
        Assert.Equal("donate", link.SubmitType);

        link = await payment.PaymentLinks.UpdateAsync(link.Id, new PaymentLinkUpdateOptions { InactiveMessage = null, SubmitType = null });
        Assert.Null(link.InactiveMessage);
        Assert.Equal("auto", link.SubmitType);
        Assert.False(link.Active);
    }
}
