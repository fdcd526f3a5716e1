-module(hash_phash).
-export([main/0]).
-compile({nowarn_deprecated_function, [{erlang, phash, 2}]}).

main() ->
    Terms = [0, 1, -1, 1 bsl 40, 1 bsl 70, 2.5, atom, "string", [a, b], {x, y, z}, <<"bin">>, <<7:3>>, #{k => v},
             #{1 => 2, 3 => 4}, [], {}, fun lists:map/2],
    [erlang:display({erlang:phash(T, 1 bsl 32), erlang:phash(T, 97)}) || T <- Terms],
    erlang:display([erlang:phash(I, 10) || I <- lists:seq(1, 30)]),
    ok.
