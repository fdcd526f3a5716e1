-module(bs_append_loop).
-export([main/0]).

main() ->
    B1 = build(10000, <<>>),
    erlang:display({byte_size(B1), binary:part(B1, 0, 10), binary:part(B1, 9990, 10)}),
    B2 = build_bits(1001, <<>>),
    erlang:display({bit_size(B2), binary:part(<<B2/bits, 0:7>>, 0, 4)}),
    B3 = lists:foldl(fun(I, Acc) -> <<Acc/binary, (integer_to_binary(I))/binary, ",">> end, <<>>, lists:seq(1, 1000)),
    erlang:display({byte_size(B3), binary:part(B3, byte_size(B3) - 10, 10)}),
    {X1, X2} = two_appends(<<"base">>),
    erlang:display({X1, X2}),
    B4 = prepend(100, <<>>),
    erlang:display({byte_size(B4), binary:part(B4, 0, 5)}),
    B5 = build_words(5000, <<>>),
    erlang:display({byte_size(B5), erlang:crc32(B5)}),
    Shared = <<"shared">>,
    A = <<Shared/binary, "-a">>,
    B = <<Shared/binary, "-b">>,
    erlang:display({A, B, Shared}),
    erlang:display(rev_bin(<<"reverse me">>, <<>>)),
    ok.

build(0, Acc) -> Acc;
build(N, Acc) -> build(N - 1, <<Acc/binary, (N rem 256)>>).

build_bits(0, Acc) -> Acc;
build_bits(N, Acc) -> build_bits(N - 1, <<Acc/bits, (N band 1):1>>).

two_appends(B) ->
    X = <<B/binary, "-one">>,
    Y = <<B/binary, "-two">>,
    {X, Y}.

prepend(0, Acc) -> Acc;
prepend(N, Acc) -> prepend(N - 1, <<N, Acc/binary>>).

build_words(0, Acc) -> Acc;
build_words(N, Acc) -> build_words(N - 1, <<Acc/binary, N:32/little, (N * N):64>>).

rev_bin(<<>>, Acc) -> Acc;
rev_bin(<<C, R/binary>>, Acc) -> rev_bin(R, <<C, Acc/binary>>).
