-module(bs_match_int).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    B = id(<<16#01, 16#23, 16#45, 16#67, 16#89, 16#AB, 16#CD, 16#EF, 16#F0, 16#0F>>),
    [begin <<X:S, _/bits>> = B, erlang:display({S, X}) end || S <- [1, 3, 4, 7, 8, 9, 15, 16, 24, 31, 32, 33, 48, 59, 60, 61, 63, 64, 65, 72, 80]],
    [begin <<X:S/little, _/bits>> = B, erlang:display({little, S, X}) end || S <- [8, 16, 24, 32, 40, 56, 64, 72, 80]],
    [begin <<X:S/signed, _/bits>> = B, erlang:display({signed, S, X}) end || S <- [1, 4, 8, 16, 32, 64, 65]],
    N = id(<<255, 255, 255, 255, 255, 255, 255, 255, 255>>),
    [begin <<X:S/signed, _/bits>> = N, <<Y:S/signed-little, _/bits>> = N, erlang:display({S, X, Y}) end || S <- [1, 8, 16, 60, 61, 64, 65, 72]],
    <<A:4, Bb:4, C:16/little, D:3, E:5, Rest/binary>> = B,
    erlang:display({A, Bb, C, D, E, Rest}),
    <<_:12, Mid:20, _/bits>> = B,
    erlang:display(Mid),
    <<X1:8/unit:1, X2:2/unit:8, X3:1/unit:16>> = id(<<1, 2, 3, 4, 5>>),
    erlang:display({X1, X2, X3}),
    erlang:display(case B of <<1, 16#23, _/binary>> -> literal_prefix; _ -> no end),
    erlang:display(case B of <<16#0123:16, _/binary>> -> sixteen; _ -> no end),
    erlang:display(case id(<<0:7>>) of <<0:8>> -> eight; <<0:7>> -> seven; _ -> no end),
    erlang:display(case id(<<300:16>>) of <<44, 1>> -> wrong; <<1, 44>> -> right end),
    ok.
