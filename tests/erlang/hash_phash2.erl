-module(hash_phash2).
-export([main/0]).

main() ->
    Terms = [0, 1, -1, 255, 1 bsl 27, 1 bsl 59, 1 bsl 64, -(1 bsl 100), 1.0, -0.0, 3.14, a, 'long atom name',
             '', [], "abc", [1, 2 | 3], {}, {a, b}, <<>>, <<"binary">>, <<1:3>>, <<1, 2, 3:5>>, #{}, #{a => 1},
             #{1 => 2, b => [c]}, maps:from_list([{I, I} || I <- lists:seq(1, 40)]),
             lists:seq(1, 100), list_to_tuple(lists:seq(1, 50)), binary:copy(<<"xy">>, 1000),
             fun lists:map/2, [{nested, [deep, {"structure", <<"with">>, #{k => v}}]}]],
    [erlang:display({erlang:phash2(T), erlang:phash2(T, 1000), erlang:phash2(T, 1 bsl 32)}) || T <- Terms],
    erlang:display(erlang:phash2(1) =:= erlang:phash2(1.0)),
    erlang:display(erlang:phash2(#{a => 1, b => 2}) =:= erlang:phash2(#{b => 2, a => 1})),
    erlang:display(lists:usort([erlang:phash2(I, 16) || I <- lists:seq(1, 1000)])),
    ok.
