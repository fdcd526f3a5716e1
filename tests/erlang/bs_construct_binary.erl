-module(bs_construct_binary).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    A = id(<<"abc">>), B = id(<<1:3>>), C = id(<<>>),
    erlang:display(<<A/binary, A/binary>>),
    erlang:display(<<A/binary, B/bitstring>>),
    erlang:display(<<B/bitstring, A/binary>>),
    erlang:display(<<B/bitstring, B/bitstring, B/bitstring>>),
    erlang:display(<<C/binary, A/binary, C/binary>>),
    erlang:display(<<A:2/binary>>),
    erlang:display(<<A:1/binary-unit:16>>),
    erlang:display(<<B:2/bits>>),
    erlang:display(<<A/bits, 1:1>>),
    erlang:display(<<(id(<<"xyz">>)):3/bytes, 0>>),
    erlang:display(try <<B/binary>> catch error:R -> {error, R} end),
    erlang:display(try <<A:4/binary>> catch error:R2 -> {error, R2} end),
    erlang:display(try <<(id(notbin))/binary>> catch error:R3 -> {error, R3} end),
    erlang:display(<<"lit", A/binary, "eral", 0, "end">>),
    erlang:display(<<1, 2, A/binary, 3:4, B/bits, 4:5>>),
    erlang:display(bit_size(<<1, 2, A/binary, 3:4, B/bits, 4:5>>)),
    Sub = binary:part(id(<<"hello world">>), 3, 5),
    erlang:display(<<Sub/binary, Sub/binary>>),
    <<_:5, Odd/bits>> = id(<<"abcd">>),
    erlang:display(<<Odd/bits, Odd/bits>>),
    erlang:display(<<(list_to_binary(lists:seq(1, 20)))/binary>>),
    erlang:display(<<<<X>> || X <- [1, 2, 3]>>),
    ok.
