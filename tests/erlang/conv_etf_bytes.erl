-module(conv_etf_bytes).
-export([main/0]).

main() ->
    Terms = [0, 1, 255, 256, -1, 1 bsl 27, 1 bsl 31, -(1 bsl 31), 1 bsl 32, -(1 bsl 64), 1 bsl 2040,
             1.0, -2.5, a, 'Åke', '', [], "abc", [1000], [a | b], {}, {a, 1}, <<>>, <<1, 2>>, <<5:3>>,
             #{}, #{a => 1}, #{1 => 2, b => [c]}, {[], [[]], {{}}}, fun erlang:abs/1],
    [erlang:display(term_to_binary(T)) || T <- Terms],
    erlang:display(term_to_binary(#{k => v, 2 => 3, "s" => <<"b">>}, [deterministic])),
    erlang:display(term_to_binary(1.5, [{minor_version, 0}])),
    erlang:display(term_to_binary("long string with a repeated pattern repeated pattern", [{compressed, 0}])),
    erlang:display(term_to_binary(atom, [{minor_version, 1}])),
    erlang:display(term_to_binary('Åke', [{minor_version, 1}])),
    ok.
